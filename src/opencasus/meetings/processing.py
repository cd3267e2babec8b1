"""Processing-log records for case conferences (activity "case-conference")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from opencasus.access import roles
from opencasus.cases.models import Case
from opencasus.cases.services import case_subjects
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing

ACTIVITY = "case-conference"


def log_case(*, actor: Any, case: Case, action: Action | str, object_type: str, object_id: int | str) -> None:
    """One record per person of the case, with the case's purpose."""
    record_processing(
        action=action, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
        object_type=object_type, object_id=object_id, case_id=case.pk,
    )


def log_cases(*, actor: Any, cases: Iterable[Case], action: Action | str, object_type: str,
              object_id: int | str) -> None:
    for case in cases:
        log_case(actor=actor, case=case, action=action, object_type=object_type, object_id=object_id)


def log_without_subject(*, actor: Any, house_id: int, action: Action | str, object_type: str,
                        object_id: int | str, purpose: str) -> None:
    """For pages and lists that show no case or person (e.g. the list of meetings)."""
    record_processing(action=action, activity_code=ACTIVITY, purpose=purpose, who=roles.who(actor, house_id),
                      house_id=house_id, object_type=object_type, object_id=object_id)
