"""Anonymous consultations: a partner asks the house for advice without naming anyone; core staff advise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import followup as access
from opencasus.access import roles
from opencasus.followup.models import Consultation
from opencasus.followup.services._common import TRIAGE, check_version, refuse_personal_data, require_text
from opencasus.followup.vocabulary import CONSULTATION_TRANSITIONS, ConsultationStatus
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.network.models import Municipality

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _log(*, actor: User, consultation: Consultation, action: Action) -> None:
    """No data subject: the consultation holds no personal data; the record shows who asked and advised."""
    record_processing(action=action, activity_code=TRIAGE, purpose=purposes.ANONYMOUS_CONSULTATION,
                      who=roles.who(actor, consultation.house_id), house_id=consultation.house_id,
                      object_type="consultation", object_id=consultation.pk)


@transaction.atomic
def consultation_ask(*, actor: User, house_id: int, organisation_id: int, question: str,
                     municipality_id: int | None = None) -> Consultation:
    if not access.may_ask_consultation(actor, house_id=house_id, organisation_id=organisation_id):
        raise ValidationError({"organisation": _("You can ask on behalf of an organisation you work for in this "
                                                 "house only.")}, code="invalid")
    question = require_text(field="question", text=question, message=_("Write your question."))
    refuse_personal_data(field="question", text=question)
    if municipality_id is not None and not Municipality.objects.filter(pk=municipality_id).exists():
        raise ValidationError({"municipality": _("Choose a municipality from the list.")}, code="invalid")
    consultation = Consultation.objects.create(house_id=house_id, organisation_id=organisation_id,
                                               municipality_id=municipality_id, question=question, asked_by=actor)
    _log(actor=actor, consultation=consultation, action=Action.CREATE)
    return consultation


@transaction.atomic
def consultation_advise(*, actor: User, consultation_id: int, advice: str,
                        expected_version: int | None) -> Consultation:
    """Core staff of the house give the advice."""
    consultation = (Consultation.objects.select_for_update()
                    .filter(access.case_work_filter(actor), pk=consultation_id).first())
    if consultation is None:
        raise Http404
    check_version(current=consultation.version, expected=expected_version)
    CONSULTATION_TRANSITIONS.check(consultation.status, ConsultationStatus.ANSWERED)
    advice = require_text(field="advice", text=advice, message=_("Write the advice."))
    refuse_personal_data(field="advice", text=advice)
    consultation.status, consultation.advice = ConsultationStatus.ANSWERED, advice
    consultation.advised_by, consultation.advised_at = actor, timezone.now()
    consultation.version += 1
    consultation.save(update_fields=["status", "advice", "advised_by", "advised_at", "version"])
    _log(actor=actor, consultation=consultation, action=Action.UPDATE)
    return consultation
