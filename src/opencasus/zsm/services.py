"""Writes of the house's ZSM advice: recorded, changed and withdrawn by a process director of the house."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access import zsm as access
from opencasus.cases.services import case_subjects
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.zsm.models import MAX_ADVICE_LENGTH, ZsmAdvice

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.cases.models import Case


def _conflict() -> ValidationError:
    return ValidationError(_("The ZSM advice was changed by someone else in the meantime. Reload and try again."),
                           code="conflict")


def _log(*, actor: User, case: Case, action: Action, advice_id: int) -> None:
    record_processing(action=action, activity_code=ActivityCode.ACTION_PLAN, purpose=case.purpose,
                      who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
                      object_type="zsm-advice", object_id=advice_id, case_id=case.pk)


def _writable_case(actor: User, case_id: int) -> Case:
    case = access.advice_case_get(actor=actor, case_id=case_id, for_update=True)
    if not access.may_record_advice(actor=actor, case=case):
        raise PermissionDenied(_("Only a process director of the house records ZSM advice, on an admitted case."))
    return case


@transaction.atomic
def advice_save(*, actor: User, case_id: int, text: str, expected_version: int) -> ZsmAdvice:
    """Record (version 0) or change the advice. A stale version is refused (`code="conflict"`)."""
    case = _writable_case(actor, case_id)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Write the advice for the ZSM disposal.")]})
    if len(text) > MAX_ADVICE_LENGTH:
        raise ValidationError({"text": [_("Keep the advice to %(max)s characters.") % {"max": MAX_ADVICE_LENGTH}]})
    advice = ZsmAdvice.objects.select_for_update().filter(case=case).first()
    current = advice.version if advice is not None else 0
    if expected_version != current:
        raise _conflict()
    if advice is None:
        advice = ZsmAdvice.objects.create(case=case, text=text, recorded_by=actor)
        _log(actor=actor, case=case, action=Action.CREATE, advice_id=advice.pk)
        return advice
    advice.text, advice.recorded_by, advice.recorded_at = text, actor, timezone.now()
    advice.version += 1
    advice.save(update_fields=["text", "recorded_by", "recorded_at", "version"])
    _log(actor=actor, case=case, action=Action.UPDATE, advice_id=advice.pk)
    return advice


@transaction.atomic
def advice_withdraw(*, actor: User, case_id: int, expected_version: int) -> None:
    """Withdraw the advice: the ZSM table then learns nothing of the case any more."""
    case = _writable_case(actor, case_id)
    advice = ZsmAdvice.objects.select_for_update().filter(case=case).first()
    if advice is None or advice.version != expected_version:
        raise _conflict()
    advice_id = advice.pk
    advice.delete()
    _log(actor=actor, case=case, action=Action.DELETE, advice_id=advice_id)
