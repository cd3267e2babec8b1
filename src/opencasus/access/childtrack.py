"""Who sees and records the Kindspoor (`opencasus.childtrack`).

- The child checks of a case are case content about children: they follow the case policy. Core staff of the
  case's house and the named participants of the case (`CaseAccess.PARTICIPANT` and up) read and record them;
  the filer of the intake sees status and feedback only, so not these. Everyone else gets 404, as for a
  missing case.
- The domestic-violence flag of one case ("huiselijk geweld") is set and cleared by core staff of the house.
- Which target groups of a house count as domestic violence is house configuration: the house manager and the
  functional administrator of the house set it; core staff read it.
- Nothing of the Kindspoor shows for a house that has the approach switched off (the selectors ask
  `network.approaches` first and answer 404).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.access.policy import CaseAccess
from opencasus.network.models import CORE_STAFF_ROLES, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

READ_LEVEL = CaseAccess.PARTICIPANT
RECORD_LEVEL = CaseAccess.PARTICIPANT
CONFIG_ROLES = (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)


def may_read_checks(level: CaseAccess) -> bool:
    return level >= READ_LEVEL


def may_record_checks(level: CaseAccess) -> bool:
    return level >= RECORD_LEVEL


def may_flag(level: CaseAccess) -> bool:
    return level >= CaseAccess.CORE


def may_configure(actor: User, house_id: int) -> bool:
    return roles.has_role(actor, house_id, *CONFIG_ROLES)


def may_read_configuration(actor: User, house_id: int) -> bool:
    return roles.has_role(actor, house_id, *CONFIG_ROLES, *CORE_STAFF_ROLES)


def configurable_house_ids(actor: User) -> set[int]:
    """The houses whose Kindspoor settings the actor sets (house manager, functional administrator)."""
    return roles.house_ids_with_role(actor, *CONFIG_ROLES)
