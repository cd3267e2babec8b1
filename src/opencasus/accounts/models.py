from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A professional, or a system client (e.g. the ZSM table) that files through the API."""

    is_system_client = models.BooleanField(
        _("system client"), default=False,
        help_text=_("An organisation's system that uses the API with a token; cannot log in to the web pages."))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("interface language"), max_length=5, choices=[("nl", _("Dutch")), ("en", _("English"))], default="nl",
        help_text=_("The language of the pages. Dutch unless the professional chooses otherwise."))

    class Meta:
        verbose_name = _("professional")
        verbose_name_plural = _("professionals")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
