"""Helpers of the follow-through services: the processing log, optimistic locking, no personal data."""

from __future__ import annotations

import re
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

TRIAGE = ActivityCode.TRIAGE
MONITORING = ActivityCode.ACTION_PLAN

# Nine digits in a row, optionally grouped by a space, dot or hyphen (123456782, 1234.56.782, 123 456 782).
BSN_SHAPED = re.compile(r"(?<![\d])\d(?:[ .\-]?\d){8}(?![\d])")


def log_case(*, actor: User, case: Case, activity: ActivityCode, action: Action | str, object_type: str,
             object_id: int) -> None:
    """One processing-log record per person of the case."""
    record_processing(
        action=action, activity_code=activity, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
        object_type=object_type, object_id=object_id, case_id=case.pk)


def check_version(*, current: int, expected: int | None) -> None:
    if expected is not None and int(expected) != current:
        raise ValidationError(
            _("This record was changed by someone else in the meantime. Reload the page, check their changes "
              "and make yours again."), code="conflict")


def refuse_personal_data(*, field: str, text: str) -> None:
    """A consultation names no one: a number shaped like a BSN is refused (the text is kept on the form)."""
    if BSN_SHAPED.search(text):
        raise ValidationError({field: _(
            "This text contains a number of nine digits, like a citizen service number (BSN). An anonymous "
            "consultation holds no personal data: remove the number and describe the situation without "
            "naming anyone.")}, code="personal_data")


def require_text(*, field: str, text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: message}, code="required")
    return text
