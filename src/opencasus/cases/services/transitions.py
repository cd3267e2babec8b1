"""Status changes along the transition table, and the data subjects of a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.cases.models import Case, Person, StatusChange
from opencasus.cases.workflow import Status, can_transition
from opencasus.core import events
from opencasus.core.events import CaseFiguresChanged
from opencasus.core.unset import UNSET, Unset, given
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.network.models import MeetingType

ACTIVITY_BY_STATUS: dict[str, ActivityCode] = {
    Status.IN_TRIAGE: ActivityCode.TRIAGE, Status.ADMITTED: ActivityCode.TRIAGE,
    Status.ADVICE_GIVEN: ActivityCode.TRIAGE, Status.ROUTED: ActivityCode.TRIAGE, Status.DECLINED: ActivityCode.TRIAGE,
    Status.CLOSED: ActivityCode.ACTION_PLAN,
}


def case_subjects(case: Case) -> list[str]:
    """The pseudonyms of the people in a case: the data subjects for the processing log."""
    return [str(p) for p in case.persons.values_list("pseudonym", flat=True)] or [""]


def subjects_by_case(case_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """`case_subjects` for many cases in one query: {case_id: pseudonyms}; cases without persons are absent."""
    result: dict[int, list[str]] = {}
    for case_id, pseudonym in (Person.objects.filter(case_id__in=list(case_ids)).order_by("case_id", "id")
                               .values_list("case_id", "pseudonym")):
        result.setdefault(case_id, []).append(str(pseudonym))
    return {case_id: tuple(p) for case_id, p in result.items()}


@transaction.atomic
def case_transition(*, actor: User, case_id: int, to_status: str, reason: str = "",
                    expected_version: int | None = None, purpose: str | Unset = UNSET,
                    questions: str | Unset = UNSET, meeting_type: MeetingType | Unset = UNSET,
                    feedback_to_filer: str | Unset = UNSET, feedback_at: dt.datetime | Unset = UNSET) -> Case:
    """Move a case to a new status along the transition table, locking the row.

    The fields given are set on the case in the same write (the purpose, questions and meeting type at
    admission, the feedback to the filer at a triage decision). With `expected_version`, a concurrent
    change since the caller read the case is refused.
    """
    case = Case.objects.select_for_update().get(pk=case_id)
    if expected_version is not None and case.version != expected_version:
        raise ValidationError(_("This case was changed by someone else in the meantime. Reload and try again."),
                              code="conflict")
    if not can_transition(case.status, to_status):
        raise ValidationError(
            _("A case with status “%(current)s” cannot go to “%(new)s”.")
            % {"current": Status(case.status).label, "new": Status(to_status).label},
            code="invalid_transition")
    events.publish(CaseFiguresChanged(case_id=case.pk))
    now = timezone.now()
    previous = case.status
    case.status = to_status
    case.purpose = given(purpose, case.purpose)
    case.questions = given(questions, case.questions)
    if meeting_type is not UNSET:
        case.meeting_type = meeting_type
    case.feedback_to_filer = given(feedback_to_filer, case.feedback_to_filer)
    case.feedback_at = given(feedback_at, case.feedback_at)
    if to_status == Status.ADMITTED and case.admitted_at is None:
        case.admitted_at = now
    if to_status == Status.CLOSED:
        case.closed_at = now
    elif previous == Status.CLOSED:
        case.closed_at = None
    case.last_activity_at = now
    case.version += 1
    case.save()
    StatusChange.objects.create(case=case, house_id=case.house_id,
                                from_status=previous, to_status=to_status, changed_at=now,
                                changed_by=actor, reason=reason)
    record_processing(
        action=Action.UPDATE, activity_code=ACTIVITY_BY_STATUS.get(to_status, ActivityCode.INTAKE),
        purpose=case.purpose or case.requested_purpose, who=roles.who(actor, case.house_id),
        house_id=case.house_id, data_subjects=case_subjects(case), object_type="case", object_id=case.pk,
        case_id=case.pk,
    )
    return case
