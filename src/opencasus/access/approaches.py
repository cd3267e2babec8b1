"""Who may see and switch the approaches a house runs, and set the periods of its crisis lane. Built on
`opencasus.access.roles`; hidden = 404.

- The house manager and the functional administrator of a house switch each approach on or off and set the
  crisis-lane periods.
- Core staff, municipality officers, steering-group members and the privacy officer of the house read them
  (house configuration, no personal data).
- Partner professionals, and everyone in other houses, see nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import CORE_STAFF_ROLES, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

EDIT_ROLES = (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)
READ_ROLES = (*CORE_STAFF_ROLES, *EDIT_ROLES, Role.MUNICIPALITY_OFFICER, Role.STEERING_GROUP_MEMBER,
              Role.PRIVACY_OFFICER)


def approach_house_ids(actor: User) -> set[int]:
    """Houses whose approaches the actor may read."""
    return roles.house_ids_with_role(actor, *READ_ROLES)


def may_edit_approaches(actor: User, house_id: int) -> bool:
    return roles.has_role(actor, house_id, *EDIT_ROLES)


def require_approaches(actor: User, house_id: int, *, edit: bool = False) -> None:
    """404 for a house whose approaches the actor may not read; 403 for a change by a reader who may not edit."""
    if house_id not in approach_house_ids(actor):
        raise Http404
    if edit and not may_edit_approaches(actor, house_id):
        raise PermissionDenied


def crisis_lane_house_ids(actor: User) -> set[int]:
    """Houses whose crisis-lane deadlines the actor sees (on the triage queue, the start page and the case):
    core staff only; the caller narrows to the houses that run the crisis lane."""
    return roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)
