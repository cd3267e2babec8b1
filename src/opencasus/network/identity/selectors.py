"""Reads of identity providers: the administrator's list and detail (through `access.identity_providers`),
the providers on the login page, and the account a provider's claim matches.

Provider configuration holds no personal data of case subjects, so these reads are not in the processing log
(as the other house configuration)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import identity_providers as access
from opencasus.network.identity.models import IdentityProvider, MatchField
from opencasus.network.models import House, Organisation, Partnership

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def provider_list(*, actor: User, house_id: int | None = None) -> QuerySet[IdentityProvider]:
    qs = IdentityProvider.objects.filter(access.provider_filter(actor)).select_related("house", "organisation")
    return qs if house_id is None else qs.filter(house_id=house_id)


def provider_get(*, actor: User, provider_id: int) -> IdentityProvider:
    provider = provider_list(actor=actor).filter(pk=provider_id).first()
    if provider is None:
        raise Http404
    return provider


def managed_house_get(*, actor: User, house_id: int) -> House:
    """The house, if the actor configures its providers; else 404."""
    house = House.objects.filter(pk=house_id).first()
    if house is None or not access.may_manage(actor, house_id=house.pk):
        raise Http404
    return house


def partner_organisations(*, house_id: int) -> QuerySet[Organisation]:
    """The organisations in the house's network: the ones a provider can be configured for."""
    partners = Partnership.objects.filter(house_id=house_id).values("organisation_id")
    return Organisation.objects.filter(pk__in=partners).order_by("name")


def sign_in_providers() -> QuerySet[IdentityProvider]:
    """The enabled providers, for the login page (no login needed: names of organisations only)."""
    return IdentityProvider.objects.filter(enabled=True).select_related("organisation", "house").order_by(
        "organisation__name", "house__name")


def sign_in_provider(provider_id: int) -> IdentityProvider | None:
    return sign_in_providers().filter(pk=provider_id).first()


def matching_accounts(*, provider: IdentityProvider, value: str) -> list[User]:
    """At most two accounts among the provider organisation's staff in its house whose field equals the
    claim's value (case-insensitively); the caller signs in only on exactly one."""
    from opencasus.accounts.models import User

    field = "email" if provider.match_field == MatchField.EMAIL else "username"
    staff = access.provider_staff_filter(house_id=provider.house_id, organisation_id=provider.organisation_id)
    return list(User.objects.filter(staff, **{f"{field}__iexact": value})[:2])
