"""Processing-log records for management information: one per house whose figures were used.

Management information shows no person, so the records carry no data subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.access.reporting import Scope
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

ACTIVITY = ActivityCode.MANAGEMENT_INFORMATION


def log_figures(*, actor: User, house_ids: list[int] | frozenset[int], action: str = Action.VIEW, purpose: str,
                object_type: str, object_id: str | int = "") -> None:
    for house_id in sorted(house_ids):
        record_processing(action=action, activity_code=ACTIVITY, purpose=purpose,
                          who=roles.who(actor, house_id), house_id=house_id, object_type=object_type,
                          object_id=object_id)


def log_scope(*, actor: User, scope: Scope, action: str = Action.VIEW, purpose: str, object_type: str) -> None:
    log_figures(actor=actor, house_ids=scope.house_ids, action=action, purpose=purpose,
                object_type=object_type, object_id=f"{scope.kind}:{scope.key}")
