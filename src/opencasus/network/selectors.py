"""Reads of the network. Network data is about organisations and professionals, not clients."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from opencasus.access import capacities, house_directory, roles
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import (
    CORE_STAFF_ROLES,
    House,
    LocalCriterion,
    MeetingType,
    Membership,
    Municipality,
    Organisation,
    Partnership,
    Region,
    TargetGroup,
)

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# Lookups by identifier of reference data (an API names a house, organisation, municipality or target group
# by its id or code): None when there is none. Access to what they are used for is checked by the service.

def house_find(pk: int | None) -> House | None:
    return House.objects.filter(pk=pk).first() if pk is not None else None


def organisation_find(pk: int | None) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first() if pk is not None else None


def organisations_by_id(ids: list[int]) -> dict[int, Organisation]:
    return {o.pk: o for o in Organisation.objects.filter(pk__in=ids)}


def municipality_find(*, pk: int | None = None, code: str | None = None) -> Municipality | None:
    if pk is not None:
        return Municipality.objects.filter(pk=pk).first()
    if code is not None:
        return Municipality.objects.filter(code=code).first()
    return None


def target_group_find(pk: int | None) -> TargetGroup | None:
    return TargetGroup.objects.filter(pk=pk).first() if pk is not None else None


def organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.all()


def houses_by_id(ids: list[int]) -> QuerySet[House]:
    return House.objects.filter(pk__in=ids)


def active_meeting_types(*, house_ids: list[int]) -> QuerySet[MeetingType]:
    return MeetingType.objects.filter(house_id__in=house_ids, active=True)


def core_staff_users(*, house_ids: list[int]) -> QuerySet[Any]:
    """The professionals with an active core-staff role (process director, secretary) in these houses."""
    from opencasus.accounts.models import User

    return User.objects.filter(pk__in=Membership.objects.active().filter(
        house_id__in=house_ids, role__in=CORE_STAFF_ROLES).values("user_id"))

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def region_list() -> QuerySet[Region]:
    return Region.objects.select_related("seat_municipality").order_by("number")


def municipality_list(*, region_code: str | None = None, include_inactive: bool = False) -> QuerySet[Municipality]:
    qs = Municipality.objects.select_related("region").order_by("name")
    if region_code:
        qs = qs.filter(region__code=region_code)
    if not include_inactive:
        qs = qs.filter(active=True)
    return qs


def house_list_for(*, actor: User) -> QuerySet[House]:
    """Houses the actor is a member of."""
    return House.objects.filter(pk__in=capacities.member_house_ids(actor)).select_related("region")


def house_get_for(*, actor: User, house_id: int) -> House:
    house = house_list_for(actor=actor).filter(pk=house_id).first()
    if house is None:
        raise Http404
    return house


def organisation_list(*, house: House | None = None) -> QuerySet[Organisation]:
    qs = Organisation.objects.select_related("municipality").order_by("name")
    if house is not None:
        qs = qs.filter(partnerships__house=house)
    return qs


def network_overview(*, actor: User, house_id: int) -> dict[str, Any]:
    """Organisations by ring with covenant status, and the house's professionals: logs a view of the house."""
    house = house_get_for(actor=actor, house_id=house_id)
    partnerships = list(
        Partnership.objects.filter(house=house).select_related("organisation").order_by("ring", "organisation__name")
    )
    memberships = (
        Membership.objects.active().filter(house=house)
        .select_related("user", "organisation").order_by("user__last_name", "user__first_name", "role")
    )
    people: dict[int, dict[str, Any]] = {}
    for m in memberships:
        entry = people.setdefault(m.user_id, {"user": m.user, "organisation": m.organisation, "roles": []})
        entry["roles"].append(m.get_role_display())
    rings: dict[str, list[Partnership]] = {}
    for p in partnerships:
        rings.setdefault(p.get_ring_display(), []).append(p)
    record_processing(action=Action.VIEW, activity_code=ActivityCode.NETWORK, purpose=purposes.NETWORK_OVERVIEW,
                      who=roles.who(actor, house.pk), house_id=house.pk, object_type="house", object_id=house.pk)
    return {"house": house, "rings": rings, "people": list(people.values())}


def memberships_prefetch() -> Prefetch[Any]:
    return Prefetch("memberships", queryset=Membership.objects.active().select_related("house", "organisation"))


def house_meeting_types(*, actor: User, house_id: int) -> QuerySet[MeetingType]:
    """The house's active meeting types (members of the house; 404 for others)."""
    house = house_directory.configuration_house_get(actor=actor, house_id=house_id)
    return MeetingType.objects.filter(house=house, active=True).order_by("name")


def house_target_groups(*, actor: User, house_id: int) -> QuerySet[TargetGroup]:
    """The house's active target groups and themes (members of the house; 404 for others)."""
    house = house_directory.configuration_house_get(actor=actor, house_id=house_id)
    return TargetGroup.objects.filter(house=house, active=True).order_by("name")


def house_local_criteria(*, actor: User, house_id: int) -> QuerySet[LocalCriterion]:
    """The house's active local triage criteria (members of the house; 404 for others)."""
    house = house_directory.configuration_house_get(actor=actor, house_id=house_id)
    return LocalCriterion.objects.filter(house=house, active=True).order_by("id")


def house_professionals(*, actor: User, house_id: int, role: str | None = None) -> QuerySet[Membership]:
    """The active memberships of the house (one row per professional, organisation and role), for those who
    name professionals in a case or manage the house; 404 for others. Staff data, not data of clients:
    not in the processing log."""
    house = house_directory.directory_house_get(actor=actor, house_id=house_id)
    qs = Membership.objects.active().filter(house=house).select_related("user", "organisation")
    if role:
        qs = qs.filter(role=role)
    return qs.order_by("user__last_name", "user__first_name", "user_id", "role")
