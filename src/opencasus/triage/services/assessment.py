"""The triage assessment: national criteria, life domains, local criteria and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.caseload import services as caseload
from opencasus.cases.services import case_transition
from opencasus.cases.vocabulary import LifeDomain
from opencasus.cases.workflow import Status
from opencasus.core.versions import version_missing
from opencasus.logbook.models import Action
from opencasus.network.models import LocalCriterion
from opencasus.triage.models import (
    Answer,
    Assessment,
    Criterion,
    LifeDomainNote,
    LocalCriterionAnswer,
    Verdict,
    compute_verdict,
)
from opencasus.triage.services.common import conflict, log_case

if TYPE_CHECKING:
    from opencasus.accounts.models import User

OPEN_STATUSES = frozenset({Status.SUBMITTED, Status.IN_TRIAGE})


@dataclass
class AssessmentInput:
    """What the triage table records. Keys: criterion codes, life-domain codes, local criterion ids."""

    answers: dict[str, tuple[str, str]] = field(default_factory=dict)
    life_domains: dict[str, str] = field(default_factory=dict)
    local_answers: dict[int, tuple[str, str]] = field(default_factory=dict)
    override_verdict: str = ""
    override_grounds: str = ""


def _validate(data: AssessmentInput, house_id: int) -> tuple[dict[str, tuple[str, str]], str, str]:
    errors: dict[str, list[str]] = {}
    answers: dict[str, tuple[str, str]] = {}
    for code in Criterion.values:
        answer, explanation = data.answers.get(code, (Answer.UNKNOWN, ""))
        explanation = (explanation or "").strip()
        if answer not in Answer.values:
            errors.setdefault(code, []).append(_("Choose yes, no or unknown."))
        elif answer != Answer.UNKNOWN and not explanation:
            errors.setdefault(f"{code}_explanation", []).append(_("Explain this answer."))
        answers[code] = (answer, explanation)
    for code, note in data.life_domains.items():
        if code not in LifeDomain.values:
            errors.setdefault("life_domains", []).append(_("Unknown life domain: %(code)s.") % {"code": code})
        elif not (note or "").strip():
            errors.setdefault(f"domain_{code}_note", []).append(_("Add a note for each affected life domain."))
    active = set(LocalCriterion.objects.filter(house_id=house_id, active=True).values_list("pk", flat=True))
    for criterion_id, (answer, _explanation) in data.local_answers.items():
        if criterion_id not in active:
            errors.setdefault("local_answers", []).append(
                _("Local criterion %(id)s is not an active criterion of this house.") % {"id": criterion_id})
        elif answer not in Answer.values:
            errors.setdefault(f"local_{criterion_id}_answer", []).append(_("Choose yes, no or unknown."))
    computed = compute_verdict({code: a for code, (a, _e) in answers.items()})
    override = data.override_verdict or ""
    grounds = (data.override_grounds or "").strip()
    if override and override not in Verdict.values:
        errors.setdefault("override_verdict", []).append(_("Choose a valid verdict."))
    elif override == computed:
        override, grounds = "", ""
    elif override and not grounds:
        errors.setdefault("override_grounds", []).append(
            _("Give the grounds on which the table overrules the computed verdict."))
    if not override:
        grounds = ""
    if errors:
        raise ValidationError(errors)
    return answers, override, grounds


@transaction.atomic
def assessment_save(*, actor: User, case_id: int, data: AssessmentInput,
                    expected_version: int | None = None, version_required: bool = False) -> Assessment:
    """Record (or revise) the triage assessment. The first save moves the intake into triage. With
    `version_required` a revision without the version read is refused (`code="version_required"`)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if case.status not in OPEN_STATUSES:
        raise ValidationError(_("The triage of this intake is finished; the assessment can no longer change."),
                              code="invalid_transition")
    answers, override, grounds = _validate(data, case.house_id)
    assessment = Assessment.objects.filter(case=case).first()
    if assessment is not None and expected_version is None and version_required:
        raise version_missing()
    if assessment is not None and expected_version is not None and assessment.version != expected_version:
        raise conflict()
    now = timezone.now()
    created = assessment is None
    if assessment is None:
        assessment = Assessment(case=case, started_by=actor, started_at=now, updated_by=actor)
    else:
        assessment.version += 1
    for code, (answer, explanation) in answers.items():
        setattr(assessment, code, answer)
        setattr(assessment, f"{code}_explanation", explanation)
    assessment.computed_verdict = compute_verdict({code: a for code, (a, _e) in answers.items()})
    assessment.override_verdict, assessment.override_grounds = override, grounds
    assessment.updated_by, assessment.updated_at = actor, now
    assessment.save()
    assessment.life_domains.all().delete()
    LifeDomainNote.objects.bulk_create([
        LifeDomainNote(assessment=assessment, life_domain=code, note=note.strip())
        for code, note in data.life_domains.items()])
    assessment.local_answers.all().delete()
    LocalCriterionAnswer.objects.bulk_create([
        LocalCriterionAnswer(assessment=assessment, criterion_id=criterion_id, answer=answer,
                             explanation=(explanation or "").strip())
        for criterion_id, (answer, explanation) in data.local_answers.items()])
    if case.status == Status.SUBMITTED:
        case = case_transition(actor=actor, case_id=case.pk, to_status=Status.IN_TRIAGE,
                               reason=_("Assessment started at the triage table."))
        caseload.director_pick_up(actor=actor, case=case)
    log_case(actor=actor, case=case, action=Action.CREATE if created else Action.UPDATE,
             object_type="triage-assessment", object_id=assessment.pk)
    return assessment
