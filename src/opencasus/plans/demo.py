"""Demo plans for the admitted demo cases (after triage's demo): goals, interventions, agreements, an adopted
version, overdue agreements, one escalation and one closed case. Idempotent: cases with a plan are skipped."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from opencasus.cases.models import Case, Participant
from opencasus.cases.vocabulary import LifeDomain, Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.network.models import House, Membership, Role
from opencasus.plans import services
from opencasus.plans.models import Agreement, CaseClosure, Escalation, Plan, PlanProposal
from opencasus.plans.services import direction
from opencasus.plans.services.monitoring import mark_overdue
from opencasus.plans.vocabulary import ClosureOutcome, EscalationLevel, InterventionLine

MAX_CASES = 6
GOALS = [
    (LifeDomain.HOUSING, "Stabiele woonsituatie: huur wordt betaald, geen nieuwe overlastmeldingen."),
    (LifeDomain.DRUGS, "Start en volhouden van verslavingsbehandeling."),
    (LifeDomain.INCOME_MONEY, "Schulden in beeld en onder bewind of in een traject."),
]
CHILD_GOAL = (LifeDomain.EDUCATION_WORK, "%s gaat elke dag naar school; verzuim wordt gevolgd.")
AGREEMENTS = [
    ("Huisbezoek afleggen en de situatie terugkoppelen aan de casusregisseur.", 10),
    ("Intake voor behandeling plannen en de datum doorgeven.", 14),
    ("Stand van de strafzaak en bijzondere voorwaarden delen.", 21),
]
LINES = [InterventionLine.CRIMINAL, InterventionLine.ADMINISTRATIVE, InterventionLine.CARE]


def _director(house: House) -> Any:
    membership = (Membership.objects.active().filter(house=house, role=Role.PROCESS_DIRECTOR)
                  .select_related("user").order_by("id").first())
    return membership.user if membership else None


def _participants(case: Case) -> list[Participant]:
    return list(Participant.objects.active().filter(case=case).select_related("organisation", "user")
                .order_by("id"))


def _build(case: Case, director: Any, participants: list[Participant], overdue: bool) -> Agreement:
    with_user = [p for p in participants if p.user_id] or participants
    lead = with_user[0]
    services.plan_update(actor=director, case_id=case.pk, expected_version=None,
                         director_organisation=lead.organisation, director_user=lead.user,
                         evaluation_date=timezone.localdate() + dt.timedelta(weeks=8))
    for domain, text in GOALS[:2]:
        services.goal_add(actor=director, case_id=case.pk, life_domain=domain, description=text)
    if case.subject_type == SubjectType.SYSTEM:
        for child in case.persons.filter(relation=Relation.CHILD):
            services.goal_add(actor=director, case_id=case.pk, life_domain=CHILD_GOAL[0],
                              description=CHILD_GOAL[1] % child.first_name, person=child)
    for line, participant in zip(LINES, participants, strict=False):
        services.intervention_add(actor=director, case_id=case.pk, line=line, organisation=participant.organisation,
                                  description=f"Inzet van {participant.organisation} binnen het plan.")
    first = None
    for index, (text, days) in enumerate(AGREEMENTS):
        owner = with_user[index % len(with_user)]
        agreement = services.agreement_create(
            actor=director, case_id=case.pk, description=text, owner_organisation=owner.organisation,
            owner_user=owner.user, deadline=timezone.localdate() + dt.timedelta(days=days),
            source="Casusoverleg (demo)")
        first = first or agreement
    plan = Plan.objects.get(case=case)
    services.plan_adopt(actor=director, case_id=case.pk, expected_version=plan.version,
                        note="Vastgesteld in het casusoverleg.")
    assert first is not None
    if overdue:
        # Time passes: the first agreement's deadline was a week ago and nothing was reported.
        Agreement.objects.filter(pk=first.pk).update(deadline=timezone.localdate() - dt.timedelta(days=7))
    return first


def load_demo_data(house: House) -> None:
    director = _director(house)
    if director is None:
        return
    cases = [c for c in Case.objects.filter(house=house, status=Status.ADMITTED, plan__isnull=True)
             .order_by("admitted_at", "id")[:MAX_CASES] if _participants(c)]
    first_agreements = []
    for index, case in enumerate(cases):
        first_agreements.append(_build(case, director, _participants(case), overdue=index < 2))
    mark_overdue()
    if first_agreements and not Escalation.objects.filter(case__house=house).exists():
        agreement = first_agreements[0]
        operational = services.escalation_raise(
            actor=director, case_id=agreement.case_id, level=EscalationLevel.OPERATIONAL, organisation=None,
            agreement_id=agreement.pk, reason="De afspraak is een week over de deadline zonder terugkoppeling.")
        services.escalation_raise(
            actor=director, case_id=agreement.case_id, level=EscalationLevel.TACTICAL,
            organisation=agreement.owner_organisation, previous_id=operational.pk,
            reason="Ook na navraag bij de teamleider geen actie; bespreken met het management van de partner.")
        if len(first_agreements) > 1:
            _national_chain(director, first_agreements[1])
    if first_agreements and not PlanProposal.objects.filter(case__house=house).exists():
        _proposal(first_agreements[-1].case)
    if len(cases) >= 3 and not CaseClosure.objects.filter(case__house=house).exists():
        case = cases[-1]
        participants = _participants(case)
        services.case_close(actor=director, case_id=case.pk, outcome=ClosureOutcome.REGULAR_CARE,
                            handed_over_to=participants[-1].organisation,
                            note="Doelen grotendeels bereikt; het wijkteam en de zorgpartner zetten de begeleiding "
                                 "voort (warme overdracht).")


def _national_chain(director: Any, agreement: Agreement) -> None:
    """An escalation that went all the way up: the region could not solve it, the national programme is asked."""
    previous = None
    for level, reason in [
        (EscalationLevel.OPERATIONAL, "De partner levert de afgesproken plek niet."),
        (EscalationLevel.TACTICAL, "Het management van de partner kan de plek niet vrijmaken."),
        (EscalationLevel.STRATEGIC, "De regionale stuurgroep ziet geen oplossing binnen de regio."),
        (EscalationLevel.NATIONAL, "Voor jongvolwassenen met een licht verstandelijke beperking en een "
                                   "forensische titel is in de regio geen beveiligde woonplek beschikbaar; "
                                   "landelijke capaciteit is nodig."),
    ]:
        previous = services.escalation_raise(
            actor=director, case_id=agreement.case_id, level=level, organisation=agreement.owner_organisation,
            agreement_id=agreement.pk, previous_id=previous.pk if previous else None, reason=reason)


def _proposal(case: Case) -> None:
    """The case director (of the organisation where the weight lies) proposes the plan's next version: one more
    agreement and a sharper goal. It waits for the process director's adoption."""
    plan = Plan.objects.get(case=case)
    director = plan.director_user
    if director is None:
        return
    proposal = direction.proposal_start(actor=director, case_id=case.pk)
    content = direction.live_content(plan)
    today = timezone.localdate()
    goals = [direction.GoalRow(life_domain=str(g["life_domain"]), description=str(g["description"]),
                               person_id=g["person_id"], id=g["id"]) for g in content["goals"]]  # type: ignore[arg-type]
    if goals:
        first = goals[0]
        goals[0] = direction.GoalRow(life_domain=first.life_domain, id=first.id, person_id=first.person_id,
                                     description=f"{first.description} Binnen drie maanden, met één aanspreekpunt.")
    interventions = [direction.InterventionRow(
        line=str(i["line"]), description=str(i["description"]), organisation_id=i["organisation_id"],  # type: ignore[arg-type]
        person_id=i["person_id"], id=i["id"]) for i in content["interventions"]]  # type: ignore[arg-type]
    agreements = [direction.AgreementRow(
        description=str(a["description"]), owner_organisation_id=a["owner_organisation_id"],  # type: ignore[arg-type]
        owner_user_id=a["owner_user_id"], deadline=dt.date.fromisoformat(str(a["deadline"])), id=a["id"])  # type: ignore[arg-type]
        for a in content["agreements"] if dt.date.fromisoformat(str(a["deadline"])) >= today]
    agreements.append(direction.AgreementRow(
        description="Wekelijks kort afstemmen tussen de regisseur en de wijkagent over de voortgang.",
        owner_organisation_id=plan.director_organisation_id, owner_user_id=director.pk,
        deadline=today + dt.timedelta(days=35)))
    proposal = direction.proposal_update(
        actor=director, proposal_id=proposal.pk, expected_version=proposal.version,
        explanation="De situatie vraagt om een vast aanspreekpunt en korte lijnen met de politie.",
        goals=goals, interventions=interventions, agreements=agreements)
    direction.proposal_submit(actor=director, proposal_id=proposal.pk, expected_version=proposal.version)
