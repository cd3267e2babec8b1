"""Who may see which management information. Built on `opencasus.access.roles`; hidden = 404.

- House managers and core staff (process director, secretary): their house, and the municipality
  figures within their house.
- Municipality officers: their municipality (`Membership.municipality`), within their house.
- Steering-group members: their region (every house in it), its houses and municipalities.
- The pseudonym key list of a recidivism measurement (names and dates of birth behind the
  pseudonyms, for the police): only the house manager of the house (`may_export_key_list`).
- Everyone else (partner professionals, privacy officers, functional administrators): nothing.

Management information never shows a person: only counts, suppressed below the house's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import CORE_STAFF_ROLES, House, Municipality, Region, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

if TYPE_CHECKING:
    from opencasus.accounts.models import User

HOUSE_ROLES = (Role.HOUSE_MANAGER, *CORE_STAFF_ROLES)
REPORTING_ROLES = (*HOUSE_ROLES, Role.MUNICIPALITY_OFFICER, Role.STEERING_GROUP_MEMBER)
# Who may import police data and record advice.
IMPORT_ROLES = (Role.HOUSE_MANAGER, *CORE_STAFF_ROLES)


@dataclass(frozen=True)
class Scope:
    """The cases a figure is about: those of `house_ids`, optionally of one municipality only."""

    kind: str  # "house" | "municipality" | "region"
    key: str
    label: str
    house_ids: frozenset[int]
    municipality_id: int | None
    threshold: int

    @property
    def sorted_house_ids(self) -> list[int]:
        return sorted(self.house_ids)


def _threshold(house_ids: set[int]) -> int:
    values = list(House.objects.filter(pk__in=house_ids).values_list("small_count_threshold", flat=True))
    return max(values) if values else 5


def _steering_region_ids(actor: User) -> set[int]:
    house_ids = roles.house_ids_with_role(actor, Role.STEERING_GROUP_MEMBER)
    return set(House.objects.filter(pk__in=house_ids).values_list("region_id", flat=True))


def sees_reporting(actor: User) -> bool:
    return any(g.role in REPORTING_ROLES for g in roles.grants(actor))


def house_ids_for_house_reports(actor: User) -> set[int]:
    """Houses whose house-level figures the actor may see."""
    ids = roles.house_ids_with_role(actor, *HOUSE_ROLES)
    regions = _steering_region_ids(actor)
    if regions:
        ids |= set(House.objects.filter(region_id__in=regions).values_list("pk", flat=True))
    return ids


def house_scope(*, actor: User, house_id: int) -> Scope:
    if house_id not in house_ids_for_house_reports(actor):
        raise Http404
    house = House.objects.filter(pk=house_id).first()
    if house is None:
        raise Http404
    return Scope("house", str(house.pk), house.name, frozenset({house.pk}), None, house.small_count_threshold)


def municipality_house_ids(actor: User, municipality: Municipality) -> set[int]:
    """Houses whose figures for this municipality the actor may see.

    A house reports on the municipalities of its region, and on any other municipality it has cases for.
    """
    from opencasus.cases.models import Case

    reporting_ids = house_ids_for_house_reports(actor)
    ids = set(House.objects.filter(pk__in=reporting_ids, region_id=municipality.region_id)
              .values_list("pk", flat=True))
    ids |= set(Case.objects.filter(house_id__in=reporting_ids - ids, municipality=municipality)
               .values_list("house_id", flat=True).distinct())
    ids |= {g.house_id for g in roles.grants(actor)
            if g.role == Role.MUNICIPALITY_OFFICER and g.municipality_id == municipality.pk}
    return ids


def municipality_scope(*, actor: User, code: str) -> Scope:
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise Http404
    house_ids = municipality_house_ids(actor, municipality)
    if not house_ids:
        raise Http404
    return Scope("municipality", municipality.code, municipality.name, frozenset(house_ids), municipality.pk,
                 _threshold(house_ids))


def region_scope(*, actor: User, code: str) -> Scope:
    region = Region.objects.filter(code=code).first()
    if region is None or region.pk not in _steering_region_ids(actor):
        raise Http404
    house_ids = set(House.objects.filter(region=region).values_list("pk", flat=True))
    return Scope("region", region.code, region.name, frozenset(house_ids), None, _threshold(house_ids))


def scope_for(*, actor: User, kind: str, key: str) -> Scope:
    if kind == "house":
        try:
            return house_scope(actor=actor, house_id=int(key))
        except ValueError:
            raise Http404 from None
    if kind == "municipality":
        return municipality_scope(actor=actor, code=key)
    if kind == "region":
        return region_scope(actor=actor, code=key)
    raise Http404


def may_import(actor: User, house_id: int) -> bool:
    """House managers and core staff import police data (and see the imports) of their house."""
    return roles.has_role(actor, house_id, *IMPORT_ROLES)


def may_record_advice(actor: User, house_id: int) -> bool:
    """Core staff record advice that concludes an area or theme case of their house."""
    return roles.is_core_staff(actor, house_id)


def may_export_key_list(actor: User, house_id: int) -> bool:
    """Only the house manager exports the pseudonym key list: it identifies persons, unlike any figure."""
    return roles.has_role(actor, house_id, Role.HOUSE_MANAGER)


def _allowed_house(allowed: bool, house_id: int) -> House:
    house = House.objects.filter(pk=house_id).first() if allowed else None
    if house is None:
        raise Http404
    return house


def key_list_house_get(*, actor: User, house_id: int) -> House:
    """A house whose key lists the actor may export and see; 404 otherwise, as for a missing house."""
    return _allowed_house(may_export_key_list(actor, house_id), house_id)


def import_check(*, actor: User, house_id: int) -> None:
    """404 for an import of a house where the actor may not import, as for a missing one."""
    if not may_import(actor, house_id):
        raise Http404


def import_house_get(*, actor: User, house_id: int) -> House:
    """A house in which the actor may import police data and record advice."""
    return _allowed_house(may_import(actor, house_id), house_id)


def municipalities_for(actor: User) -> list[Municipality]:
    """Municipalities whose figures the actor may open (for the index page)."""
    house_ids = house_ids_for_house_reports(actor)
    qs = Municipality.objects.filter(cases__house_id__in=house_ids).distinct() if house_ids else None
    own = {g.municipality_id for g in roles.grants(actor)
           if g.role == Role.MUNICIPALITY_OFFICER and g.municipality_id}
    result = set(qs) if qs is not None else set()
    result |= set(Municipality.objects.filter(pk__in=own))
    return sorted(result, key=lambda m: m.name)


def regions_for(actor: User) -> list[Region]:
    return list(Region.objects.filter(pk__in=_steering_region_ids(actor)).order_by("number"))


def houses_for(actor: User) -> list[House]:
    return list(House.objects.filter(pk__in=house_ids_for_house_reports(actor)).order_by("name"))
