"""Who sees and changes the group approach (`opencasus.groups`): the members of an area or group case and the
links to their individual cases.

- The members (names, role, tier, dates) are persons of the group case: whoever may see the persons of the group
  case (`CaseAccess.PARTICIPANT` or more: core staff of the house, active participants) sees them; the filer does
  not. Adding, changing and ending members is case work of the house: core staff only.
- Linking a member's individual case requires core staff of the house: the linker must see both cases at
  `CaseAccess.CORE`, and the individual case is a person case of the same house.
- A linked individual case keeps its own access: the group page shows its reference, status and address only to
  a reader who may see that case as a participant or more (`case_access` on that case). Everyone else who sees the
  group learns only that an individual case is linked: no reference, no status, no link. Opening the individual
  case goes through the case policy as always, so a participant of the group case alone gets 404 there.
- A house that has the group approach switched off shows and accepts nothing of it (404).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access.policy import CaseAccess, case_access, case_get, refuse
from opencasus.cases.models import Case
from opencasus.cases.vocabulary import SubjectType
from opencasus.network.models import Approach, HouseApproach

if TYPE_CHECKING:
    from opencasus.accounts.models import User

SEE_MEMBERS = CaseAccess.PARTICIPANT
MANAGE_MEMBERS = CaseAccess.CORE


def group_running(house_id: int) -> bool:
    """The approach switch (`network.approaches.approach_enabled`), read from its model as the policy reads data."""
    return HouseApproach.objects.filter(house_id=house_id, approach=Approach.GROUP, enabled=True).exists()


def is_group_case(case: Case) -> bool:
    return case.subject_type == SubjectType.AREA and group_running(case.house_id)


def group_case_get(*, actor: User, case_id: int, minimum: CaseAccess = SEE_MEMBERS,
                   for_update: bool = False) -> tuple[Case, CaseAccess]:
    """The group case at `minimum` level or more; 404 when hidden, missing, not an area case, or in a house that
    has the group approach switched off."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=minimum, for_update=for_update)
    if not is_group_case(case):
        refuse(actor=actor, case_id=case_id)
    return case, level


def may_manage(level: CaseAccess) -> bool:
    return level >= MANAGE_MEMBERS


def individual_case_for_link(*, actor: User, group: Case, case_id: int) -> Case:
    """The individual case a member is to be linked to: seen by the linker as core staff (404 otherwise)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=MANAGE_MEMBERS)
    return case


def sees_linked_case(*, actor: User, case: Case) -> bool:
    """Whether the reader may see the linked individual case itself (its reference, status and address)."""
    return case_access(actor=actor, case=case) >= CaseAccess.PARTICIPANT
