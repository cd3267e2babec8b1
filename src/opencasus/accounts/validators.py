"""Password rules with messages of our own where Django's Dutch catalogue lags behind its source."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django 5.2 changed this message's msgid; its Dutch catalogue still has the old one."""

    def get_error_message(self) -> str:
        return _("This password is too short: use at least %(min_length)s characters.") % {
            "min_length": self.min_length}
