"""Demo Kindspoor. Idempotent; runs after the cases, triage and plans demos.

The house counts its target group "Huiselijk geweld" as domestic violence. Veilig Thuis files a household in
Dordrecht (two parents, a daughter of 11 and a son of 6); the triage table admits it with the police, Veilig
Thuis and youth protection as participants, and the plan has a case director and goals. Veilig Thuis recorded
the daughter's child check in full; the son's is still missing, so the plan cannot be adopted yet."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import LifeDomain, PeopleInformed, Relation, Route, SubjectType, Urgency
from opencasus.childtrack import services
from opencasus.childtrack.models import ChildCheck, SafetyOutcome
from opencasus.childtrack.selectors import minors
from opencasus.network.approaches import approach_enabled
from opencasus.network.models import Approach, House, MeetingType, Membership, Municipality, Role, TargetGroup

REASON = ("Melding van Veilig Thuis na een derde politie-inzet wegens partnergeweld in een half jaar; de kinderen "
          "waren thuis. Vader is aangehouden; moeder wil hulp maar is bang.")
PURPOSE = ("Veiligheid van moeder en kinderen borgen en één gezinsplan: plegeraanpak voor vader, steun voor moeder "
           "en een hulpaanbod aan het gezin.")


def _member(house: House, username: str, role: str) -> Membership | None:
    return (Membership.objects.active().filter(house=house, role=role, user__username=username)
            .select_related("user", "organisation").first())


def _file(house: House) -> Case | None:
    filer = _member(house, "partner.veiligthuis", Role.PARTNER_PROFESSIONAL)
    group = TargetGroup.objects.filter(house=house, name="Huiselijk geweld").first()
    municipality = Municipality.objects.filter(code="GM0505").first()
    if filer is None or group is None:
        return None
    today = timezone.localdate()

    def born(years: int, days: int) -> dt.date:
        return today - dt.timedelta(days=years * 365 + days)

    persons = [
        PersonData("Ricardo", "Verhoeven", born(38, 40), address="Vrieseweg 112", municipality=municipality,
                   relation=Relation.PARENT),
        PersonData("Samira", "Verhoeven-El Idrissi", born(34, 100), address="Vrieseweg 112",
                   municipality=municipality, relation=Relation.PARENT),
        PersonData("Noor", "Verhoeven", born(11, 60), address="Vrieseweg 112", municipality=municipality,
                   relation=Relation.CHILD),
        PersonData("Daan", "Verhoeven", born(6, 200), address="Vrieseweg 112", municipality=municipality,
                   relation=Relation.CHILD),
    ]
    return intake_file(actor=filer.user, organisation=filer.organisation, house=house,
                       subject_type=SubjectType.SYSTEM, persons=persons, reason=REASON, requested_purpose=PURPOSE,
                       route=Route.VEILIG_THUIS, municipality=municipality, people_informed=PeopleInformed.YES,
                       target_group=group, urgency=Urgency.HIGH)


def _admit(house: House, case: Case, director: Membership) -> None:
    from opencasus.triage import services as triage
    from opencasus.triage.models import Answer, Criterion, Outcome

    named = [m for m in (_member(house, name, Role.PARTNER_PROFESSIONAL)
                         for name in ("partner.veiligthuis", "partner.politie", "partner.jeugdzorg")) if m]
    triage.assessment_save(actor=director.user, case_id=case.pk, data=triage.AssessmentInput(answers={
        Criterion.MULTIPLE_PROBLEMS: (Answer.YES, "Partnergeweld, financiële zorgen en opvoedingsproblemen."),
        Criterion.MULTIPLE_CHAINS: (Answer.YES, "Strafrecht (vader) en zorg (gezin) moeten samen optrekken."),
        Criterion.SYSTEM_IMPACT: (Answer.YES, "Twee minderjarige kinderen zijn getuige van het geweld."),
        Criterion.AREA_SAFETY: (Answer.NO, "Geen gebiedsgebonden problematiek."),
    }))
    meeting_type = MeetingType.objects.filter(house=house, active=True).order_by("id").first()
    triage.decision_record(actor=director.user, case_id=case.pk, notify_filer=False, data=triage.DecisionInput(
        outcome=Outcome.ADMIT, grounds="Voldoet aan de landelijke criteria; kinderen in het spel: Kindspoor.",
        purpose=PURPOSE, questions="Zijn de kinderen veilig? Welk hulpaanbod krijgt het gezin? Wie neemt de regie?",
        meeting_type_id=meeting_type.pk if meeting_type else None,
        organisation_ids=sorted({m.organisation_id for m in named}),
        professionals=[(m.user_id, m.organisation_id) for m in named]))


def _plan(case: Case, director: Membership, lead: Membership | None) -> None:
    from opencasus.plans import services as plans

    if lead is None:
        return
    plans.plan_update(actor=director.user, case_id=case.pk, expected_version=None,
                      director_organisation=lead.organisation, director_user=lead.user,
                      evaluation_date=timezone.localdate() + dt.timedelta(weeks=6))
    plans.goal_add(actor=director.user, case_id=case.pk, life_domain=LifeDomain.FAMILY_RELATIONS,
                   description="Het geweld stopt: vader volgt de plegeraanpak, er is een veiligheidsplan.")
    plans.goal_add(actor=director.user, case_id=case.pk, life_domain=LifeDomain.EMOTIONAL_WELLBEING,
                   description="Moeder en kinderen krijgen traumabehandeling waar dat nodig is.")


def load_demo_data(house: House) -> None:
    if not approach_enabled(house_id=house.pk, approach=Approach.CHILD_TRACK):
        return
    manager = (Membership.objects.active().filter(house=house, role__in=[Role.HOUSE_MANAGER,
                                                                         Role.FUNCTIONAL_ADMINISTRATOR])
               .select_related("user").order_by("role", "id").first())
    group = TargetGroup.objects.filter(house=house, name="Huiselijk geweld").first()
    if manager is not None and group is not None:
        services.configuration_set(actor=manager.user, house_id=house.pk, target_group_ids=[group.pk])
    director = _member(house, "procesregisseur", Role.PROCESS_DIRECTOR)
    if director is None or Case.objects.filter(house=house, reason=REASON).exists():
        return
    case = _file(house)
    if case is None:
        return
    _admit(house, case, director)
    veilig_thuis = _member(house, "partner.veiligthuis", Role.PARTNER_PROFESSIONAL)
    _plan(case, director, veilig_thuis)
    kids = minors(case)
    if veilig_thuis is None or not kids or ChildCheck.objects.filter(case=case).exists():
        return
    youth = _member(house, "partner.jeugdzorg", Role.PARTNER_PROFESSIONAL)
    services.child_check_record(
        actor=veilig_thuis.user, case_id=case.pk, person_id=kids[0].pk, expected_version=0,
        data=services.ChildCheckInput(
            seen_and_heard=True, seen_on=timezone.localdate() - dt.timedelta(days=2),
            seen_by="Jasmijn de Boer, Veilig Thuis Zuid-Holland Zuid",
            safety_outcome=SafetyOutcome.CONDITIONALLY_SAFE,
            safety_note="Veiligheidsplan met moeder opgesteld; vader heeft een tijdelijk huisverbod.",
            help_offered=True, help_organisation_id=youth.organisation_id if youth else veilig_thuis.organisation_id,
            veilig_thuis_involved=True, veilig_thuis_reason="Veilig Thuis deed de melding en voert de regie op de "
                                                             "veiligheid.",
            board_involved=False, board_reason="Ouders werken mee aan het vrijwillige hulpaanbod; een "
                                               "raadsonderzoek is nu niet nodig."))
