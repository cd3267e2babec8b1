"""Reads for the action plan, always starting from the access policy.

Goals, interventions and agreements of a case are shared with its participants; core staff see all;
managers and steering-group members see escalation metadata only, never case content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import capacities, roles
from opencasus.access import escalations as escalation_access
from opencasus.access.policy import CaseAccess, case_get, visible_cases
from opencasus.cases.models import Case, Participant
from opencasus.cases.workflow import Status
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing, record_processing_many
from opencasus.plans.models import Agreement, AgreementNote, CaseClosure, Escalation, Plan, PlanVersion
from opencasus.plans.services._common import ACTIVITY, log
from opencasus.plans.vocabulary import PENDING_STATUSES

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# Reads of personal data are logged here, in the selector that reads them (one record per person of the
# case, `services._common.log`). A `*_check` function answers only the access decision for a write or a
# form and logs nothing; `plan_get` and the helpers taking a case read for composed pages that log
# themselves through the selector of what they show.


def _log_view(actor: User, case: Case, object_type: str, object_id: int | str) -> None:
    log(actor=actor, case=case, action=Action.VIEW, object_type=object_type, object_id=object_id)



def plan_get(*, actor: User, case_id: int) -> tuple[Case, CaseAccess, Plan | None]:
    """The case (participants and core staff) and its plan, if one was started."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    plan = (Plan.objects.select_related("director_organisation", "director_user")
            .prefetch_related("goals__person", "interventions__organisation", "interventions__person")
            .filter(case=case).first())
    return case, level, plan


def plan_view(*, actor: User, case_id: int) -> tuple[Case, CaseAccess, Plan | None]:
    """`plan_get` for the plan page and the plan in the API: logs a view of the plan."""
    case, level, plan = plan_get(actor=actor, case_id=case_id)
    _log_view(actor, case, "plan", plan.pk if plan else case.pk)
    return case, level, plan


def plan_evaluations(*, actor: User, case_id: int) -> tuple[Case, Plan | None]:
    """The case and its plan, to show the plan's evaluations: logs a view of them."""
    case, _level, plan = plan_get(actor=actor, case_id=case_id)
    _log_view(actor, case, "evaluations", case.pk)
    return case, plan


def case_agreements(*, actor: User, case_id: int) -> tuple[Case, CaseAccess, list[Agreement]]:
    """The agreements of one case's plan (participants and core staff): logs a view of the list."""
    case, level, plan = plan_get(actor=actor, case_id=case_id)
    agreements = list(plan_agreements(plan))
    _log_view(actor, case, "agreement-list", case.pk)
    return case, level, agreements


def plan_agreements(plan: Plan | None) -> QuerySet[Agreement]:
    if plan is None:
        return Agreement.objects.none()
    return plan.agreements.select_related("case", "owner_organisation", "owner_user").order_by("deadline", "id")


def _versions(*, actor: User, case_id: int) -> tuple[Case, QuerySet[PlanVersion]]:
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    return case, PlanVersion.objects.filter(plan__case=case).select_related("adopted_by").order_by("-number")


def version_list(*, actor: User, case_id: int) -> tuple[Case, list[PlanVersion]]:
    """The adopted versions of a case's plan, newest first: logs a view of the list."""
    case, versions = _versions(actor=actor, case_id=case_id)
    _log_view(actor, case, "plan-versions", case.pk)
    return case, list(versions)


def version_get(*, actor: User, case_id: int, number: int) -> tuple[Case, PlanVersion]:
    """One adopted version of the plan: logs a view of it."""
    case, versions = _versions(actor=actor, case_id=case_id)
    version = versions.filter(number=number).first()
    if version is None:
        raise Http404
    _log_view(actor, case, "plan-version", version.pk)
    return case, version


def _owned_q(actor: User) -> Q:
    participations = Participant.objects.active().filter(
        user=actor, case_id=OuterRef("case_id"), organisation_id=OuterRef("owner_organisation_id"))
    return Q(owner_user=actor) | Q(Exists(participations))


def agreement_list(*, actor: User, mine: bool = False, case_id: int | None = None, status: str | None = None,
                   overdue: bool | None = None, today: dt.date | None = None,
                   due_within: int | None = None) -> QuerySet[Agreement]:
    """Agreements of the cases the actor may see as participant or core staff, with filters."""
    cases = visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT)
    qs = Agreement.objects.filter(case__in=cases.values("pk")).select_related(
        "case", "owner_organisation", "owner_user")
    if mine:
        qs = qs.filter(_owned_q(actor))
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if status:
        qs = qs.filter(status=status)
    if overdue is not None:
        today = today or timezone.localdate()
        # Agreements of a closed case are no longer work anyone has to do.
        late = Q(status__in=PENDING_STATUSES, deadline__lt=today, case__status=Status.ADMITTED)
        qs = qs.filter(late) if overdue else qs.exclude(late)
    if due_within is not None:
        today = today or timezone.localdate()
        qs = qs.filter(status__in=PENDING_STATUSES, case__status=Status.ADMITTED, deadline__gte=today,
                       deadline__lte=today + dt.timedelta(days=due_within))
    return qs.order_by("deadline", "id")


def record_agreement_list_view(*, actor: User, agreements: Iterable[Agreement]) -> None:
    """Log a list (page) of agreements shown: one record per data subject, per case shown."""
    for case in {a.case_id: a.case for a in agreements}.values():
        _log_view(actor, case, "agreement-list", case.pk)


def agreement_check(*, actor: User, agreement_id: int) -> tuple[Agreement, Case, CaseAccess]:
    """The agreement and the access decision (404 for non-participants), for a write: logs nothing."""
    agreement = (Agreement.objects.select_related("owner_organisation", "owner_user", "case", "plan")
                 .filter(pk=agreement_id).first())
    if agreement is None:
        raise Http404
    case, level = case_get(actor=actor, case_id=agreement.case_id, minimum=CaseAccess.PARTICIPANT)
    return agreement, case, level


def agreement_get(*, actor: User, agreement_id: int) -> tuple[Agreement, Case, CaseAccess]:
    """One agreement (participants and core staff): logs a view of it."""
    agreement, case, level = agreement_check(actor=actor, agreement_id=agreement_id)
    _log_view(actor, case, "agreement", agreement.pk)
    return agreement, case, level


def agreement_notes(*, actor: User, agreement_id: int) -> tuple[Agreement, QuerySet[AgreementNote]]:
    """The progress notes and comments on an agreement: logs a view of them."""
    agreement, case, _level = agreement_check(actor=actor, agreement_id=agreement_id)
    _log_view(actor, case, "agreement-notes", agreement.pk)
    return agreement, agreement.notes.select_related("author", "organisation")


def escalation_overview(*, actor: User, level: str | None = None, status: str | None = None) -> QuerySet[Escalation]:
    """Escalations of the houses where the actor is core staff, house manager or steering-group member.

    Callers show managers metadata only (reference, level, organisation, dates, status).
    """
    qs = escalation_access.visible_escalations(actor=actor).select_related(
        "case", "organisation", "raised_by", "responded_by")
    if level:
        qs = qs.filter(level=level)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-raised_at", "-id")


def record_escalation_list_view(*, actor: User, escalations: Iterable[Escalation],
                                purpose: str = purposes.ESCALATION_LIST) -> None:
    """Log a list (page) of escalations: metadata without person data, so one record per house shown."""
    for house_id in {e.case.house_id for e in escalations}:
        record_processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=purpose,
                          who=roles.who(actor, house_id), house_id=house_id,
                          object_type="escalation-overview", object_id=house_id)


def escalation_get(*, actor: User, escalation_id: int) -> tuple[Escalation, bool]:
    """One escalation and whether the actor may see its content: logs a view (of the case's persons with
    content, of the metadata only, without a data subject, for managers)."""
    escalation, content = escalation_check(actor=actor, escalation_id=escalation_id)
    case = escalation.case
    if content:
        _log_view(actor, case, "escalation", escalation.pk)
    else:
        record_processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=purposes.ESCALATION,
                          who=roles.who(actor, case.house_id), house_id=case.house_id,
                          object_type="escalation", object_id=escalation.pk)
    return escalation, content


def escalation_check(*, actor: User, escalation_id: int) -> tuple[Escalation, bool]:
    """One escalation and whether the actor may see its content (core staff, or a participant of the case),
    for a write: logs nothing."""
    escalation = escalation_overview(actor=actor).filter(pk=escalation_id).first()
    if escalation is not None:
        return escalation, escalation_access.sees_content(actor, escalation)
    escalation = Escalation.objects.select_related("case", "organisation").filter(pk=escalation_id).first()
    return escalation_access.participant_check(actor=actor, escalation=escalation), True


def case_escalation_find(case: Case, escalation_id: int) -> Escalation | None:
    """One escalation of a case the reader opened, or None."""
    return case_escalations(case).filter(pk=escalation_id).first()


def case_escalations(case: Case) -> QuerySet[Escalation]:
    return Escalation.objects.filter(case=case).select_related("organisation", "agreement", "raised_by")


def closure_list(case: Case) -> QuerySet[CaseClosure]:
    return CaseClosure.objects.filter(case=case).select_related("handed_over_to", "closed_by", "reopened_by")


def signals_for(*, actor: User, today: dt.date | None = None) -> dict[str, Any]:
    """What the start page signals: the actor's overdue agreements, and for process directors the house's
    overdue agreements and due evaluations."""
    from opencasus.plans.services.monitoring import due_plans, overdue_agreements

    today = today or timezone.localdate()
    mine = agreement_list(actor=actor, mine=True, overdue=True, today=today)
    director_houses = capacities.director_house_ids(actor)
    house_overdue = overdue_agreements(today).filter(case__house_id__in=director_houses).select_related("case")
    due = due_plans(today).filter(Q(case__house_id__in=director_houses) | Q(
        director_user=actor, case__in=visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).values("pk"))
    ).select_related("case")
    return {"mine": mine, "house_overdue": house_overdue if director_houses else Agreement.objects.none(),
            "due": due}


def record_start_signals_view(*, actor: User, cases: list[Case]) -> None:
    """Log the start page's signals (overdue agreements, due evaluations): they show case references and
    deadlines, no person data, so, like "my cases", one record per house shown without a data subject."""
    house_ids = sorted({case.house_id for case in cases})
    if not house_ids:
        return
    record_processing_many([
        Processing(action=Action.VIEW, activity_code=ActivityCode.ACTION_PLAN, purpose=purposes.START_PAGE_DEADLINES,
                   who=roles.who(actor, house_id), house_id=house_id, object_type="start-signals")
        for house_id in house_ids])


def core_case(*, actor: User, case_id: int) -> tuple[Case, CaseAccess]:
    """The case for core staff only (404 for everyone else), without locking."""
    return case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)


def closure_checklist(case: Case) -> dict[str, Any]:
    """What closing `case` settles (core staff have opened the case): pending agreements, open escalations,
    and whether the plan was evaluated."""
    from opencasus.plans.models import Evaluation
    from opencasus.plans.services.closure import OPEN_ESCALATION_STATUSES

    return {
        "agreements": list(Agreement.objects.filter(case=case, status__in=PENDING_STATUSES)
                           .select_related("owner_organisation").order_by("deadline", "pk")),
        "escalations": list(Escalation.objects.filter(case=case, status__in=OPEN_ESCALATION_STATUSES)
                            .select_related("organisation").order_by("raised_at", "pk")),
        "evaluation": Evaluation.objects.filter(plan__case=case).order_by("-evaluated_on", "-pk").first(),
    }


def case_plan(case: Case) -> Plan | None:
    """The plan of a case the caller has opened as participant or core staff (with its case director)."""
    return Plan.objects.filter(case=case).select_related("director_organisation", "director_user").first()


def plan_versions(case: Case) -> list[PlanVersion]:
    """The adopted versions of a case's plan, newest first (the caller opened the case as participant)."""
    return list(PlanVersion.objects.filter(plan__case=case).order_by("-number"))
def meeting_choices(case: Case) -> list[tuple[int, str]]:
    """The house's case conferences to name when adopting a plan: by meeting type and date, never by number.

    Those with this case on the agenda come first; then the house's other meetings of the last 90 days and
    the next 30. (Meetings are looked up by name to keep the apps independent, as `PlanVersion.meeting_id`.)
    """
    from django.apps import apps

    from opencasus.core.dates import long_date

    meeting_model = apps.get_model("meetings", "Meeting")
    today = timezone.localdate()
    house_meetings = meeting_model.objects.filter(house_id=case.house_id).select_related("meeting_type")
    own = list(house_meetings.filter(agenda_items__case=case).distinct().order_by("-date", "-start_time"))
    own_ids = {m.pk for m in own}
    recent = [m for m in house_meetings.filter(date__gte=today - dt.timedelta(days=90),
                                               date__lte=today + dt.timedelta(days=30)).order_by("-date", "-start_time")
              if m.pk not in own_ids]
    return [(m.pk, f"{m.meeting_type.name}, {long_date(m.date)}") for m in [*own, *recent]]


def meeting_names(ids: set[int]) -> dict[int, str]:
    """"Focusoverleg (ICO), 8 december 2026" per meeting id (for plan versions)."""
    from django.apps import apps

    from opencasus.core.dates import long_date

    meeting_model = apps.get_model("meetings", "Meeting")
    return {m.pk: f"{m.meeting_type.name}, {long_date(m.date)}"
            for m in meeting_model.objects.filter(pk__in=ids).select_related("meeting_type")}


def case_goals(case: Case) -> QuerySet[Any]:
    """The goals of the case's plan (the choices of an agreement's goal)."""
    from opencasus.plans.models import Goal

    return Goal.objects.filter(plan__case=case)


def agreement_note_list(agreement: Agreement) -> QuerySet[AgreementNote]:
    """The notes of an agreement the reader opened with `agreement_get` (which logged the view)."""
    return agreement.notes.select_related("author", "organisation")
