"""Helpers of the after-care services: the processing log and optimistic locking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.cases.models import Case
from opencasus.cases.services import case_subjects
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

TIMELINE_ACTIVITY = ActivityCode.ACTION_PLAN
RELEASE_ACTIVITY = ActivityCode.INTAKE


def log_case(*, actor: User | None, case: Case, action: Action | str, object_type: str, object_id: int) -> None:
    """One processing-log record per person of the case, with the case's purpose."""
    record_processing(
        action=action, activity_code=TIMELINE_ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
        object_type=object_type, object_id=object_id, case_id=case.pk)


def check_version(*, current: int, expected: int | None) -> None:
    if expected is not None and int(expected) != current:
        raise ValidationError(
            _("This record was changed by someone else in the meantime. Reload the page, check their changes "
              "and make yours again."), code="conflict")
