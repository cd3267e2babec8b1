"""Writes of identity providers (the house's functional administrator) and of the second factor a provider
did. Every change of a provider is an account event (`accounts.audit`), in the same transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from opencasus.access import identity_providers as access
from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEventKind
from opencasus.core.identifiers import encrypt_identifier
from opencasus.network.identity.models import IdentityProvider, MatchField, ProviderSecondFactor
from opencasus.network.identity.selectors import managed_house_get, partner_organisations

if TYPE_CHECKING:
    from opencasus.accounts.models import User

TOKEN = re.compile(r"[A-Za-z0-9_.:/-]{1,100}")
VISIBLE_ASCII = re.compile(r"[\x21-\x7e]+")
MAX_SECOND_FACTOR_VALUES = 20


@dataclass(frozen=True)
class ProviderSettings:
    """What the administrator configures. `client_secret` empty on an update keeps the stored one."""

    organisation_id: int
    issuer: str
    client_id: str
    client_secret: str
    claim: str = "email"
    match_field: str = MatchField.EMAIL
    scopes: str = "openid email"
    second_factor_values: tuple[str, ...] = ()


def _invalid(field: str, message: str, code: str = "invalid") -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def clean_issuer(value: str) -> str:
    """An https address without user name, query or fragment (plain http only where
    OPENCASUS_OIDC_ALLOW_HTTP is set: development and tests)."""
    issuer = (value or "").strip()
    if not issuer:
        raise _invalid("issuer", _("Enter the provider's address (the issuer)."), "required")
    if len(issuer) > 500:
        raise _invalid("issuer", _("The address is too long (at most 500 characters)."), "max_length")
    try:
        URLValidator(schemes=["http", "https"])(issuer)
    except ValidationError:
        raise _invalid("issuer", _("Enter a valid web address.")) from None
    parts = urlsplit(issuer)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise _invalid("issuer", _("The address may not contain a user name, password, query or fragment."))
    if parts.scheme != "https" and not getattr(settings, "OPENCASUS_OIDC_ALLOW_HTTP", False):
        raise _invalid("issuer", _("The address must start with https://."), "insecure")
    return issuer


def clean_settings(config: ProviderSettings, *, house_id: int, secret_required: bool) -> ProviderSettings:
    issuer = clean_issuer(config.issuer)
    if not partner_organisations(house_id=house_id).filter(pk=config.organisation_id).exists():
        raise _invalid("organisation", _("Choose an organisation in this house's network."))
    if not VISIBLE_ASCII.fullmatch(config.client_id or "") or len(config.client_id) > 200:
        raise _invalid("client_id", _("Enter the client id the provider gave (letters, digits and signs, no "
                                      "spaces, at most 200)."))
    secret = config.client_secret or ""
    if (secret or secret_required) and (not VISIBLE_ASCII.fullmatch(secret) or len(secret) > 500):
        raise _invalid("client_secret", _("Enter the client secret the provider gave (no spaces, at most "
                                          "500 characters)."))
    if not TOKEN.fullmatch(config.claim or ""):
        raise _invalid("claim", _("Enter the name of a claim, such as email (letters, digits, _ . : / -)."))
    if config.match_field not in MatchField.values:
        raise _invalid("match_field", _("Choose the e-mail address or the username."))
    scopes = (config.scopes or "").split()
    if "openid" not in scopes or len(scopes) > 20 or not all(TOKEN.fullmatch(s) for s in scopes):
        raise _invalid("scopes", _("Enter the scopes separated by spaces; openid must be one of them."))
    values = tuple(dict.fromkeys(str(v).strip() for v in config.second_factor_values))
    if len(values) > MAX_SECOND_FACTOR_VALUES or not all(TOKEN.fullmatch(v) for v in values):
        raise _invalid("second_factor_values", _("Enter at most 20 acr or amr values, such as otp or mfa "
                                                 "(letters, digits, _ . : / -)."))
    return ProviderSettings(organisation_id=config.organisation_id, issuer=issuer, client_id=config.client_id,
                            client_secret=secret, claim=config.claim, match_field=config.match_field,
                            scopes=" ".join(dict.fromkeys(scopes)), second_factor_values=values)


def _unique(provider: IdentityProvider) -> None:
    duplicate = IdentityProvider.objects.filter(house_id=provider.house_id, organisation_id=provider.organisation_id,
                                                issuer=provider.issuer).exclude(pk=provider.pk)
    if duplicate.exists():
        raise _invalid("issuer", _("This organisation already has this provider in this house."), "unique")


def _apply(provider: IdentityProvider, config: ProviderSettings) -> None:
    provider.organisation_id = config.organisation_id
    provider.issuer = config.issuer
    provider.client_id = config.client_id
    if config.client_secret:
        provider.client_secret_encrypted = encrypt_identifier(config.client_secret)
    provider.claim = config.claim
    provider.match_field = config.match_field
    provider.scopes = config.scopes
    provider.second_factor_values = list(config.second_factor_values)


def _event(actor: User, provider: IdentityProvider, kind: str) -> None:
    record_account_event(actor=actor, subject=None, kind=kind, house=provider.house,
                         detail=f"{provider.organisation}: {provider.issuer}")


@transaction.atomic
def provider_create(*, actor: User, house_id: int, config: ProviderSettings) -> IdentityProvider:
    house = managed_house_get(actor=actor, house_id=house_id)
    config = clean_settings(config, house_id=house.pk, secret_required=True)
    provider = IdentityProvider(house=house, created_by=actor)
    _apply(provider, config)
    _unique(provider)
    provider.save()
    _event(actor, provider, AccountEventKind.PROVIDER_ADDED)
    return provider


def _locked(actor: User, provider_id: int, version: int | None) -> IdentityProvider:
    provider = IdentityProvider.objects.select_for_update().select_related("house", "organisation").filter(
        pk=provider_id).first()
    if provider is None or not access.may_manage(actor, house_id=provider.house_id):
        raise Http404
    if version is not None and int(version) != provider.version:
        raise ValidationError(_("This record was changed by someone else in the meantime. Reload the page, check "
                                "their changes and make yours again."), code="conflict")
    return provider


@transaction.atomic
def provider_update(*, actor: User, provider_id: int, config: ProviderSettings,
                    version: int | None) -> IdentityProvider:
    provider = _locked(actor, provider_id, version)
    config = clean_settings(config, house_id=provider.house_id, secret_required=False)
    _apply(provider, config)
    _unique(provider)
    provider.version += 1
    provider.save()
    provider.refresh_from_db(fields=["organisation"])
    _event(actor, provider, AccountEventKind.PROVIDER_CHANGED)
    return provider


@transaction.atomic
def provider_set_enabled(*, actor: User, provider_id: int, enabled: bool,
                         version: int | None) -> IdentityProvider:
    provider = _locked(actor, provider_id, version)
    if provider.enabled != enabled:
        provider.enabled = enabled
        provider.version += 1
        provider.save(update_fields=["enabled", "version"])
        _event(actor, provider, AccountEventKind.PROVIDER_CHANGED if enabled else AccountEventKind.PROVIDER_DISABLED)
    return provider


@transaction.atomic
def provider_second_factor(*, user: User, provider: IdentityProvider) -> ProviderSecondFactor:
    """The device that stands for the provider's second factor of this user (created on first use)."""
    device: ProviderSecondFactor
    device, _created = ProviderSecondFactor.objects.get_or_create(
        user=user, provider=provider, defaults={"name": str(provider.organisation)[:64], "confirmed": True})
    return device
