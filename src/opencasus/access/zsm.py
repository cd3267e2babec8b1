"""Who records the house's ZSM advice on a case, and which houses a ZSM system client may ask.

- The advice is read by core staff of the case (it is part of the case) and recorded or changed by a
  process director of the case's house, only while the case is admitted.
- A ZSM system client (role `zsm_client`) asks the houses where it holds that role, and learns only the
  advice of admitted cases that have one, with the house's contact. Any other case answers as if the
  person were not known there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.network.models import Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def advice_case_get(*, actor: User, case_id: int, for_update: bool = False) -> Case:
    """The case whose advice core staff read (404 for anyone else, as for a missing case)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=for_update)
    return case


def may_record_advice(*, actor: User, case: Case) -> bool:
    """A process director of the case's house, while the case is admitted (after `advice_case_get`)."""
    return case.status == Status.ADMITTED and roles.has_role(actor, case.house_id, Role.PROCESS_DIRECTOR)


def query_house_ids(actor: User) -> set[int]:
    """The houses a ZSM system client may ask (none for anyone else)."""
    if not getattr(actor, "is_system_client", False):
        return set()
    return roles.house_ids_with_role(actor, Role.ZSM_CLIENT)
