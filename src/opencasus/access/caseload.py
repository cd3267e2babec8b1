"""Who may see and change the caseload of a house. Built on `opencasus.access.roles`; hidden = 404.

- Core staff (process director, secretary) of a house see its workload per director, with the cases
  behind each count (reference, status, dates: no person data), and assign or reassign a case's process
  director.
- The house manager sees the workload as aggregates per director (counts and dates, no case) and the
  load per director over time; the house manager and the functional administrator set the house's
  maximums. Core staff read the maximums (the triage table is warned by them).
- Everyone else, and other houses, see nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import CORE_STAFF_ROLES, Membership, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

WORKLOAD_ROLES = (*CORE_STAFF_ROLES, Role.HOUSE_MANAGER)
LIMIT_EDIT_ROLES = (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)
LIMIT_READ_ROLES = (*CORE_STAFF_ROLES, *LIMIT_EDIT_ROLES)


def workload_house_ids(actor: User) -> set[int]:
    """Houses whose workload per director the actor may see."""
    return roles.house_ids_with_role(actor, *WORKLOAD_ROLES)


def sees_cases(actor: User, house_id: int) -> bool:
    """Whether the workload shows the cases behind the counts (core staff only)."""
    return roles.is_core_staff(actor, house_id)


def may_assign(actor: User, house_id: int) -> bool:
    return roles.is_core_staff(actor, house_id)


def limit_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, *LIMIT_READ_ROLES)


def may_edit_limits(actor: User, house_id: int) -> bool:
    return roles.has_role(actor, house_id, *LIMIT_EDIT_ROLES)


def require_workload(actor: User, house_id: int) -> None:
    if house_id not in workload_house_ids(actor):
        raise Http404


def require_limits(actor: User, house_id: int, *, edit: bool = False) -> None:
    """404 for a house whose maximums the actor may not read; 403 for a change by a reader who may not edit."""
    if house_id not in limit_house_ids(actor) and not may_edit_limits(actor, house_id):
        raise Http404
    if edit and not may_edit_limits(actor, house_id):
        raise PermissionDenied


def director_ids(house_id: int) -> set[int]:
    """Users who may direct a case in the house: an active process-director membership there."""
    return set(Membership.objects.active().filter(house_id=house_id, role=Role.PROCESS_DIRECTOR,
                                                  user__is_active=True).values_list("user_id", flat=True))
