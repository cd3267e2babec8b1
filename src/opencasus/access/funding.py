"""Who may see and edit the funding register. Built on `opencasus.access.roles`; hidden = 404.

- The national contribution, the key per region and the inhabitants (national reference data): read by every
  house manager, steering-group member, municipality officer and functional administrator; edited by whoever
  `can_edit_funding_key` says: the national programme (`Role.NATIONAL_OFFICER`), and the functional
  administrators, who kept this right so that an installation without a national account can keep its data.
- A region's split over its houses: read by the house managers, functional administrators and steering-group
  members of the region's houses, and by municipality officers of the region; edited by a functional
  administrator of one of the region's houses.
- A house's co-financing and contribution in kind, and its annual funding report: read by its house manager and
  functional administrator and by the steering-group members of its region; edited by its functional
  administrator.
- A municipality's annual funding report: its own municipality officers, and the house managers, functional
  administrators and steering-group members of a house in the municipality's region.
- A region's report: the steering-group members and functional administrators of its houses.
- Core staff and partner professionals see nothing here; nothing here is case content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import House, Municipality, Region, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

READ_ROLES = (Role.HOUSE_MANAGER, Role.STEERING_GROUP_MEMBER, Role.MUNICIPALITY_OFFICER,
              Role.FUNCTIONAL_ADMINISTRATOR)
HOUSE_ROLES = (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)


def sees_funding(actor: User) -> bool:
    return any(g.role in (*READ_ROLES, Role.NATIONAL_OFFICER) for g in roles.grants(actor))


def can_edit_funding_key(actor: User) -> bool:
    """Who sets the national contribution, the key per region and the inhabitants: the national programme and
    the functional administrators."""
    return roles.has_role(actor, None, Role.NATIONAL_OFFICER, Role.FUNCTIONAL_ADMINISTRATOR)


def require_funding(actor: User, *, edit: bool = False) -> None:
    """404 for someone who sees no funding at all; 403 for a change by a reader who may not edit."""
    if not sees_funding(actor):
        raise Http404
    if edit and not can_edit_funding_key(actor):
        raise PermissionDenied


def _region_ids(house_ids: set[int]) -> set[int]:
    return set(House.objects.filter(pk__in=house_ids).values_list("region_id", flat=True))


def _officer_municipality_ids(actor: User) -> set[int]:
    return {g.municipality_id for g in roles.grants(actor)
            if g.role == Role.MUNICIPALITY_OFFICER and g.municipality_id is not None}


def region_read_ids(actor: User) -> set[int]:
    """Regions whose split over houses the actor may read."""
    ids = _region_ids(roles.house_ids_with_role(actor, *HOUSE_ROLES, Role.STEERING_GROUP_MEMBER))
    officer = _officer_municipality_ids(actor)
    if officer:
        ids |= set(Municipality.objects.filter(pk__in=officer).values_list("region_id", flat=True))
    return ids


def region_edit_ids(actor: User) -> set[int]:
    return _region_ids(roles.house_ids_with_role(actor, Role.FUNCTIONAL_ADMINISTRATOR))


def require_region(actor: User, region_id: int, *, edit: bool = False) -> None:
    if region_id not in region_read_ids(actor):
        raise Http404
    if edit and region_id not in region_edit_ids(actor):
        raise PermissionDenied


def house_read_ids(actor: User) -> set[int]:
    """Houses whose co-financing, contribution in kind and funding report the actor may read."""
    ids = roles.house_ids_with_role(actor, *HOUSE_ROLES)
    steering = _region_ids(roles.house_ids_with_role(actor, Role.STEERING_GROUP_MEMBER))
    if steering:
        ids |= set(House.objects.filter(region_id__in=steering).values_list("pk", flat=True))
    return ids


def may_edit_house(actor: User, house_id: int) -> bool:
    return roles.has_role(actor, house_id, Role.FUNCTIONAL_ADMINISTRATOR)


def require_house(actor: User, house_id: int, *, edit: bool = False) -> None:
    if house_id not in house_read_ids(actor):
        raise Http404
    if edit and not may_edit_house(actor, house_id):
        raise PermissionDenied


def municipality_read_ids(actor: User) -> set[int]:
    """Municipalities whose funding report the actor may read."""
    regions = _region_ids(roles.house_ids_with_role(actor, *HOUSE_ROLES, Role.STEERING_GROUP_MEMBER))
    ids = set(Municipality.objects.filter(region_id__in=regions).values_list("pk", flat=True)) if regions else set()
    return ids | _officer_municipality_ids(actor)


def require_municipality(actor: User, municipality_id: int) -> None:
    if municipality_id not in municipality_read_ids(actor):
        raise Http404


def region_report_ids(actor: User) -> set[int]:
    """Regions whose funding report (all its houses together) the actor may read."""
    return _region_ids(roles.house_ids_with_role(actor, Role.STEERING_GROUP_MEMBER, Role.FUNCTIONAL_ADMINISTRATOR))


def require_region_report(actor: User, region_id: int) -> None:
    if region_id not in region_report_ids(actor):
        raise Http404


def visible_regions(actor: User) -> list[Region]:
    return list(Region.objects.filter(pk__in=region_read_ids(actor)).order_by("number"))
