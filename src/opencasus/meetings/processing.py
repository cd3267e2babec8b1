"""Processing-log records for case conferences (activity "case-conference")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.cases.models import Case
from opencasus.cases.services import case_subjects, subjects_by_case
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing, record_processing_many

if TYPE_CHECKING:
    from opencasus.accounts.models import User

ACTIVITY = ActivityCode.CASE_CONFERENCE


def log_case(*, actor: User, case: Case, action: Action | str, object_type: str, object_id: int | str) -> None:
    """One record per person of the case, with the case's purpose."""
    record_processing(
        action=action, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
        object_type=object_type, object_id=object_id, case_id=case.pk,
    )


def log_cases(*, actor: User, cases: Iterable[Case], action: Action | str, object_type: str,
              object_id: int | str) -> None:
    """One record per person of each case, written in one batch (an agenda shows many cases)."""
    cases = list(cases)
    subjects = subjects_by_case([c.pk for c in cases])
    who = {house_id: roles.who(actor, house_id) for house_id in {c.house_id for c in cases}}
    record_processing_many([
        Processing(action=action, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
                   who=who[case.house_id], house_id=case.house_id, data_subjects=subjects.get(case.pk, ("",)),
                   object_type=object_type, object_id=object_id, case_id=case.pk)
        for case in cases])


def log_without_subject(*, actor: User, house_id: int, action: Action | str, object_type: str,
                        object_id: int | str, purpose: str) -> None:
    """For pages and lists that show no case or person (e.g. the list of meetings)."""
    record_processing(action=action, activity_code=ACTIVITY, purpose=purpose, who=roles.who(actor, house_id),
                      house_id=house_id, object_type=object_type, object_id=object_id)
