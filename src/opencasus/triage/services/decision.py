"""The triage decision: admit, advice only, route elsewhere or decline, and tell the filer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opencasus.access.governance import triage_themes
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.caseload import services as caseload
from opencasus.cases.models import Case, Participant
from opencasus.cases.services import case_transition
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.core.unset import UNSET
from opencasus.logbook.models import Action
from opencasus.network.models import MeetingType
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.triage.models import Assessment, Decision, Outcome, ParticipantEvent, RouteTarget, Verdict
from opencasus.triage.notifications import send_outcome_mail
from opencasus.triage.services.common import check_participants, conflict, log_case

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# Outcomes the table may decide on a submitted intake without assessing the criteria first.
WITHOUT_ASSESSMENT = frozenset({Outcome.ROUTE, Outcome.DECLINE})

STATUS_BY_OUTCOME: dict[str, str] = {
    Outcome.ADMIT: Status.ADMITTED,
    Outcome.ADVICE: Status.ADVICE_GIVEN,
    Outcome.ROUTE: Status.ROUTED,
    Outcome.DECLINE: Status.DECLINED,
}


@dataclass
class DecisionInput:
    outcome: str
    grounds: str
    advice: str = ""
    routed_to: str = ""
    routed_to_detail: str = ""
    purpose: str = ""
    questions: str = ""
    meeting_type_id: int | None = None
    organisation_ids: list[int] = field(default_factory=list)
    professionals: list[tuple[int, int]] = field(default_factory=list)  # (user id, organisation id)
    message_to_filer: str = ""
    # The process director the decision names (default: the case's, else the deciding process director), and
    # the confirmation of an admission past a house maximum (`cases.caseload`).
    process_director_id: int | None = None
    confirm_over_limit: bool = False
    check_back_date: dt.date | None = None  # route or advice: when to check it was picked up (None: the default)
    # "Past in de strategische agenda": a priority theme of the region's agenda of the intake's year.
    priority_theme_id: int | None = None


def intake_year(case: Case) -> int:
    """The year of the strategic agenda an intake belongs to: the year it was filed."""
    return timezone.localtime(case.filed_at).year


def _require(errors: dict[str, list[str]], name: str, value: str, message: str) -> None:
    if not (value or "").strip():
        errors.setdefault(name, []).append(message)


def _validate(case: Case, assessment: Assessment | None, data: DecisionInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.priority_theme_id is not None and not triage_themes(
            house_id=case.house_id, year=intake_year(case)).filter(pk=data.priority_theme_id).exists():
        errors.setdefault("priority_theme_id", []).append(_(
            "Choose a priority theme of the strategic agenda of the house's region for the year of the intake."))
    if data.outcome not in Outcome.values:
        errors.setdefault("outcome", []).append(_("Choose an outcome."))
        return errors
    _require(errors, "grounds", data.grounds, _("Give the grounds for this decision."))
    if data.outcome == Outcome.ADVICE:
        _require(errors, "advice", data.advice, _("Record the advice given."))
    if data.outcome == Outcome.ROUTE:
        if data.routed_to not in RouteTarget.values:
            errors.setdefault("routed_to", []).append(_("Choose where the case is routed to."))
        elif data.routed_to == RouteTarget.OTHER:
            _require(errors, "routed_to_detail", data.routed_to_detail, _("Say which table or chain."))
    if data.outcome == Outcome.ADMIT:
        if assessment is None or assessment.verdict != Verdict.MEETS:
            errors.setdefault("outcome", []).append(_(
                "Admission requires an assessment whose verdict is that the case meets the criteria "
                "(the table may overrule the computed verdict, with grounds)."))
        _require(errors, "purpose", data.purpose, _("Admission fixes the purpose of the case: state it."))
        _require(errors, "questions", data.questions, _("State the questions the case conference must answer."))
        if data.meeting_type_id is None or not MeetingType.objects.filter(
                pk=data.meeting_type_id, house_id=case.house_id, active=True).exists():
            errors.setdefault("meeting_type", []).append(_("Choose one of this house's meeting types."))
        if not data.organisation_ids and not data.professionals:
            errors.setdefault("organisations", []).append(_("Name at least one participating organisation."))
    return errors


def feedback_text(case: Case, decision: Decision, data: DecisionInput) -> str:
    lines = [_("The triage table decided on %(date)s: %(outcome)s.") % {
        "date": date_format(timezone.localdate(decision.decided_at), "j F Y"),
        "outcome": decision.get_outcome_display()}]
    if decision.outcome == Outcome.ADMIT:
        lines.append(_("The case will be discussed in: %(meeting)s.") % {"meeting": case.meeting_type})
    elif decision.outcome == Outcome.ADVICE:
        lines.append(_("Advice: %(advice)s") % {"advice": decision.advice})
    elif decision.outcome == Outcome.ROUTE:
        target = decision.get_routed_to_display()
        if decision.routed_to_detail:
            target = f"{target} ({decision.routed_to_detail})"
        lines.append(_("The case is routed to: %(target)s.") % {"target": target})
    if data.message_to_filer.strip():
        lines.append(data.message_to_filer.strip())
    return "\n".join(lines)


def add_participants(*, actor: User, case: Case, organisation_ids: list[int],
                      pairs: list[tuple[int, int]], reason: str) -> list[Participant]:
    created: list[Participant] = []
    for organisation_id in organisation_ids:
        if not Participant.objects.active().filter(case=case, organisation_id=organisation_id,
                                                   user__isnull=True).exists():
            created.append(Participant.objects.create(case=case, organisation_id=organisation_id))
    for user_id, organisation_id in pairs:
        if not Participant.objects.active().filter(case=case, organisation_id=organisation_id,
                                                   user_id=user_id).exists():
            created.append(Participant.objects.create(case=case, organisation_id=organisation_id, user_id=user_id))
    for participant in created:
        ParticipantEvent.objects.create(participant=participant, kind=ParticipantEvent.Kind.ADDED, by=actor,
                                        reason=reason)
        log_case(actor=actor, case=case, action=Action.CREATE, object_type="participant", object_id=participant.pk)
    return created


@transaction.atomic
def decision_record(*, actor: User, case_id: int, data: DecisionInput,
                    expected_version: int | None = None, notify_filer: bool = True) -> Decision:
    """Decide on an intake in triage. Locks the case; a second decision is refused.

    The filer is told the outcome on the case (always) and by e-mail after the commit (unless
    `notify_filer` is off, as when the demo loader records past decisions).
    """
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if expected_version is not None and case.version != expected_version:
        raise conflict()
    if (case.status == Status.SUBMITTED and data.outcome in WITHOUT_ASSESSMENT
            and not Decision.objects.filter(case=case).exists() and (data.grounds or "").strip()):
        # An obvious duplicate, or an intake that is plainly not for the house: routed or declined with
        # grounds, without assessing the criteria. The case passes through triage, so its history says so.
        case = case_transition(actor=actor, case_id=case.pk, to_status=Status.IN_TRIAGE,
                               reason=_("Routed or declined without an assessment of the criteria."))
    if Decision.objects.filter(case=case).exists() or case.status != Status.IN_TRIAGE:
        if case.status == Status.SUBMITTED:
            message = _("Start the assessment first: only an intake in triage can be admitted or given advice. "
                        "Routing or declining needs only the grounds.")
        else:
            message = _("The triage table already decided on this intake (status: %(status)s).") % {
                "status": Status(case.status).label}
        raise ValidationError(message, code="invalid_transition")
    assessment = Assessment.objects.filter(case=case).first()
    errors = _validate(case, assessment, data)
    caseload_errors, load = caseload.triage_check(actor=actor, case=case, director_id=data.process_director_id,
                                                  admitting=data.outcome == Outcome.ADMIT,
                                                  confirmed=data.confirm_over_limit)
    errors.update(caseload_errors)
    organisations: dict[int, Any] = {}
    pairs: list[tuple[int, int]] = []
    if data.outcome == Outcome.ADMIT:
        try:
            organisations, pairs = check_participants(case.house, data.organisation_ids, data.professionals)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    decision = Decision(
        case=case, outcome=data.outcome, grounds=data.grounds.strip(), decided_at=now, decided_by=actor,
        verdict=assessment.verdict if assessment else Verdict.UNDETERMINED,
        advice=data.advice.strip() if data.outcome == Outcome.ADVICE else "",
        routed_to=data.routed_to if data.outcome == Outcome.ROUTE else "",
        routed_to_detail=data.routed_to_detail.strip() if data.outcome == Outcome.ROUTE else "",
        priority_theme_id=data.priority_theme_id,
    )
    admitted = data.outcome == Outcome.ADMIT
    meeting_type = MeetingType.objects.get(pk=int(data.meeting_type_id or 0)) if admitted else None
    if meeting_type is not None:
        case.meeting_type = meeting_type
    feedback = feedback_text(case, decision, data)
    case = case_transition(actor=actor, case_id=case.pk, to_status=STATUS_BY_OUTCOME[data.outcome],
                           reason=decision.grounds, feedback_to_filer=feedback, feedback_at=now,
                           purpose=data.purpose.strip() if admitted else UNSET,
                           questions=data.questions.strip() if admitted else UNSET,
                           meeting_type=meeting_type if meeting_type is not None else UNSET)
    decision.case = case
    decision.save()
    log_case(actor=actor, case=case, action=Action.CREATE, object_type="triage-decision", object_id=decision.pk)
    caseload.triage_record(actor=actor, case=case, director_id=data.process_director_id, load=load)
    events.publish(events.TriageDecided(case_id=case.pk, decision_id=decision.pk, outcome=decision.outcome,
                                        actor_id=actor.pk, check_back_date=data.check_back_date))
    if data.outcome == Outcome.ADMIT:
        add_participants(actor=actor, case=case, organisation_ids=list(organisations), pairs=pairs,
                          reason=_("Named at admission."))
    if notify_filer:
        notify(user_ids=[case.filed_by_id], kind=Kind.TRIAGE_OUTCOME, link=reverse("cases:detail", args=[case.pk]),
               case_reference=case.reference, house_id=case.house_id, subject_key=f"decision-{decision.pk}")
        transaction.on_commit(partial(send_outcome_mail, case.pk, str(decision.get_outcome_display())))
    return decision
