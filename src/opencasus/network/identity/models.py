"""Identity providers (OpenID Connect) and the record of a second factor done by one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device


class MatchField(models.TextChoices):
    """The account field a provider's claim is compared with (case-insensitively)."""

    EMAIL = "email", _("E-mail address")
    USERNAME = "username", _("Username (e.g. a staff number)")


class IdentityProvider(models.Model):
    """An organisation's OpenID provider that signs in its staff in one house.

    The client secret is stored encrypted (`opencasus.core.identifiers.encrypt_identifier`, key from
    OPENCASUS_FIELD_KEY) and never shown again."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="identity_providers")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="identity_providers",
                                     help_text=_("The organisation whose staff this provider signs in."))
    issuer = models.URLField(_("issuer"), max_length=500,
                             help_text=_("The provider's address; its configuration is read from "
                                         "<issuer>/.well-known/openid-configuration."))
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret_encrypted = models.TextField(_("client secret (encrypted)"))
    claim = models.CharField(_("claim to match on"), max_length=100, default="email",
                             help_text=_("The claim of the provider that identifies the account, e.g. email or a "
                                         "staff number claim."))
    match_field = models.CharField(_("matched with"), max_length=20, choices=MatchField.choices,
                                   default=MatchField.EMAIL)
    scopes = models.CharField(_("scopes"), max_length=300, default="openid email",
                              help_text=_("The scopes asked for, separated by spaces; openid is one of them."))
    second_factor_values = models.JSONField(
        _("values that count as a second factor"), default=list, blank=True,
        help_text=_("acr or amr values of the ID token that mean the provider did a second factor."))
    enabled = models.BooleanField(_("enabled"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")
        ordering = ["house", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["house", "organisation", "issuer"], name="one_provider_per_issuer"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.issuer})"


class ProviderSecondFactor(Device):  # type: ignore[misc]  # django-otp is untyped
    """A second factor done by an identity provider (its acr/amr said so), as a django-otp device, so a
    session signed in that way counts as verified exactly like one that passed our TOTP step. It cannot
    verify a code itself."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("professional"), on_delete=models.CASCADE,
                             related_name="+")
    provider = models.ForeignKey(IdentityProvider, verbose_name=_("identity provider"), on_delete=models.CASCADE,
                                 related_name="+")

    class Meta:
        verbose_name = _("second factor by an identity provider")
        verbose_name_plural = _("second factors by an identity provider")
        constraints = [models.UniqueConstraint(fields=["user", "provider"], name="one_provider_factor_per_user")]

    def verify_token(self, token: object) -> bool:
        return False
