"""Helpers of the Top X services: the processing log, optimistic locking, scores and texts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.topx.models import Candidate, InclusionCriterion

if TYPE_CHECKING:
    from opencasus.accounts.models import User

SELECTION = ActivityCode.TRIAGE
REVIEW = ActivityCode.ACTION_PLAN


def log_candidates(*, actor: User, house_id: int, candidates: Iterable[Candidate], action: Action | str,
                   object_type: str, object_id: int | str, activity: ActivityCode = SELECTION,
                   purpose: str = purposes.TOP_X) -> None:
    """One processing-log record per candidate (their pseudonym is the data subject)."""
    items = list(candidates)
    if not items:
        return
    case_ids = {c.case_id for c in items}
    record_processing(action=action, activity_code=activity, purpose=purpose, who=roles.who(actor, house_id),
                      house_id=house_id, data_subjects=[str(c.pseudonym) for c in items], object_type=object_type,
                      object_id=object_id, case_id=case_ids.pop() if len(case_ids) == 1 else None)


def log_house(*, actor: User, house_id: int, action: Action | str, object_type: str, object_id: int | str,
              purpose: str = purposes.TOP_X) -> None:
    """A record without a data subject (list configuration)."""
    record_processing(action=action, activity_code=SELECTION, purpose=purpose, who=roles.who(actor, house_id),
                      house_id=house_id, object_type=object_type, object_id=object_id)


def check_version(*, current: int, expected: int | None) -> None:
    if expected is not None and int(expected) != current:
        raise ValidationError(
            _("This record was changed by someone else in the meantime. Reload the page, check their changes "
              "and make yours again."), code="conflict")


def require_text(*, field: str, text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: message}, code="required")
    return text


def check_scores(*, criteria: list[InclusionCriterion], scores: Mapping[int, int], field: str = "scores"
                 ) -> dict[int, tuple[str, str]]:
    """Errors per criterion position ({position: (field name, message)}) for a score per criterion."""
    errors: dict[int, tuple[str, str]] = {}
    for criterion in criteria:
        value = scores.get(criterion.position)
        name = f"{field}.{criterion.position}"
        if value is None:
            errors[criterion.position] = (name, _("Give a score for criterion %(n)s.") % {"n": criterion.position})
        elif not 0 <= value <= criterion.max_score:
            errors[criterion.position] = (name, _("The score for criterion %(n)s lies between 0 and %(max)s.") % {
                "n": criterion.position, "max": criterion.max_score})
    unknown = set(scores) - {c.position for c in criteria}
    for position in sorted(unknown):
        errors[position] = (f"{field}.{position}", _("This list has no criterion %(n)s.") % {"n": position})
    return errors
