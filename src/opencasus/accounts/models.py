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


class AccountEventKind(models.TextChoices):
    USER_CREATED = "user_created", _("Account created")
    USER_CHANGED = "user_changed", _("Account changed")
    ROLE_REQUESTED = "role_requested", _("Role requested")
    ROLE_GRANTED = "role_granted", _("Role granted")
    ROLE_APPROVED = "role_approved", _("Role approved")
    ROLE_REFUSED = "role_refused", _("Role refused")
    ROLE_CHANGED = "role_changed", _("Role changed")
    ROLE_ENDED = "role_ended", _("Role ended")
    TOKEN_ISSUED = "token_issued", _("API token issued")
    TOKEN_REVOKED = "token_revoked", _("API token revoked")
    PASSWORD_RESET = "password_reset", _("Password reset by an administrator")
    PROVIDER_ADDED = "provider_added", _("Identity provider added")
    PROVIDER_CHANGED = "provider_changed", _("Identity provider changed")
    PROVIDER_DISABLED = "provider_disabled", _("Identity provider disabled")


class AccountEventQuerySet(models.QuerySet["AccountEvent"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("the account audit trail is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("the account audit trail is append-only")


class AccountEvent(models.Model):
    """One line of the append-only audit trail of accounts, roles and API tokens.

    Names are copied at the time of the event, so the trail still reads after an account is removed.
    """

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=20, choices=AccountEventKind.choices)
    actor = models.ForeignKey(User, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    actor_name = models.CharField(_("by"), max_length=300, blank=True)
    subject = models.ForeignKey(User, verbose_name=_("whom"), on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    subject_name = models.CharField(_("whom"), max_length=300, blank=True)
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+")
    house_name = models.CharField(_("house"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=32, blank=True)
    approved_by = models.ForeignKey(User, verbose_name=_("approved by"), on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+")
    approved_by_name = models.CharField(_("approved by"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    objects = AccountEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        indexes = [models.Index(fields=["subject", "at"]), models.Index(fields=["house", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.subject_name}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("the account audit trail is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("the account audit trail is append-only")
