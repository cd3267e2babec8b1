"""Demo group approach: the youth group "Jeugdgroep Crabbehof" (Dordrecht), the admitted area case of the cases and
triage demos. Idempotent; runs after the plans demo.

The three young people recorded at intake become the leader and two core members; three followers are added by
name. The leader and one core member get an individual case (filed by the police, admitted with youth care and
probation), linked to the group case; the group plan gets a goal for the group and goals for the hard core. The
police professional takes part in the group case but not in either individual case, so the group page shows them
only that a case is linked."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.services import PersonData, intake_file
from opencasus.cases.vocabulary import PeopleInformed, Route, SubjectType
from opencasus.cases.workflow import Status
from opencasus.groups import services
from opencasus.groups.models import GroupMember
from opencasus.groups.vocabulary import MemberRole
from opencasus.network.models import House, MeetingType, Membership, Role
from opencasus.plans import services as plans
from opencasus.triage import services as triage
from opencasus.triage.models import Answer, Criterion, Outcome
from opencasus.triage.services import AssessmentInput, DecisionInput

FOLLOWERS = (("Milan", "Koster", 16), ("Jayden", "de Wit", 15), ("Noah", "Brouwer", 17))
INDIVIDUAL = (
    ("Diefstal met geweld bij het winkelcentrum en bedreiging van een wijkagent; spijbelt structureel.",
     "Een persoonsgericht traject naast de groepsaanpak: school, vrije tijd en toezicht.", "partner.jeugdzorg"),
    ("Meerdere vernielingen en vermoedelijk betrokken bij drugshandel in het Wantijpark.",
     "Een persoonsgericht traject met toezicht van de reclassering en hulp voor het gezin.",
     "partner.reclassering"),
)


def _assessment() -> AssessmentInput:
    return AssessmentInput(answers={
        Criterion.MULTIPLE_PROBLEMS: (Answer.YES, "School, vrije tijd en gezin; leidt tot overlast en delicten."),
        Criterion.MULTIPLE_CHAINS: (Answer.YES, "Jeugdstrafrecht en jeugdhulp zijn allebei nodig."),
        Criterion.SYSTEM_IMPACT: (Answer.YES, "Jongere broertjes in het gezin; de groep trekt hen mee."),
        Criterion.AREA_SAFETY: (Answer.YES, "Onderdeel van de jeugdgroep Crabbehof."),
    })


def _professional(house: House, username: str) -> tuple[int, int] | None:
    m = (Membership.objects.active().filter(house=house, role=Role.PARTNER_PROFESSIONAL, user__username=username)
         .first())
    return (m.user_id, m.organisation_id) if m else None


def _individual_case(house: House, director: User, person: Person, spec: tuple[str, str, str]) -> Case | None:
    reason, purpose, username = spec
    filer = (Membership.objects.active().filter(house=house, role=Role.PARTNER_PROFESSIONAL,
                                                 organisation__name__startswith="Politie")
             .select_related("user", "organisation").order_by("user__username").first())
    professional = _professional(house, username)
    if filer is None or professional is None:
        return None
    case = intake_file(
        actor=filer.user, organisation=filer.organisation, house=house, subject_type=SubjectType.PERSON,
        persons=[PersonData(person.first_name, person.last_name, person.date_of_birth,
                            municipality=person.municipality)],
        reason=reason, requested_purpose=purpose, route=Route.CRIMINAL_TRACK, municipality=person.case.municipality,
        neighbourhood="Crabbehof", people_informed=PeopleInformed.YES)
    triage.assessment_save(actor=director, case_id=case.pk, data=_assessment())
    meeting_type = MeetingType.objects.filter(house=house, active=True).first()
    triage.decision_record(actor=director, case_id=case.pk, notify_filer=False,
                           data=DecisionInput(
                               outcome=Outcome.ADMIT, grounds="Harde kern van de jeugdgroep Crabbehof; voldoet aan "
                                                             "de landelijke criteria.",
                               purpose=purpose, questions="Welk traject, wie houdt toezicht, hoe wordt school hervat?",
                               meeting_type_id=meeting_type.pk if meeting_type else None,
                               organisation_ids=[professional[1]], professionals=[professional]))
    return case


def load_demo_data(house: House) -> None:
    director = (Membership.objects.active().filter(house=house, role=Role.PROCESS_DIRECTOR)
                .select_related("user").order_by("user__username").first())
    group = (Case.objects.filter(house=house, subject_type=SubjectType.AREA, neighbourhood="Crabbehof",
                                 status=Status.ADMITTED).order_by("id").first())
    if director is None or group is None or GroupMember.objects.filter(case=group).exists():
        return
    actor = director.user
    today = timezone.localdate()
    start = today - dt.timedelta(days=120)
    recorded = list(Person.objects.filter(case=group).order_by("id"))
    roles = [(MemberRole.LEADER, 1), (MemberRole.CORE_MEMBER, 1), (MemberRole.CORE_MEMBER, 2)]
    members = [services.member_add(actor=actor, case_id=group.pk, person_id=person.pk, role=role, tier=tier,
                                   start_date=start) for person, (role, tier) in zip(recorded, roles, strict=False)]
    for index, (first, last, age) in enumerate(FOLLOWERS):
        members.append(services.member_add(
            actor=actor, case_id=group.pk, role=MemberRole.FOLLOWER, tier=2 if index == 0 else 3,
            start_date=start + dt.timedelta(days=30 * index), first_name=first, last_name=last,
            date_of_birth=today.replace(year=today.year - age) - dt.timedelta(days=40)))
    for member, spec in zip(members[:2], INDIVIDUAL, strict=False):
        individual = _individual_case(house, actor, member.person, spec)
        if individual is not None:
            services.member_link(actor=actor, case_id=group.pk, member_id=member.pk,
                                 individual_case_id=individual.pk, expected_version=member.version)
    plans.goal_add(actor=actor, case_id=group.pk, life_domain="current_offence",
                   description="De overlast en intimidatie rond winkelcentrum Crabbehof houden op.")
    plans.goal_add(actor=actor, case_id=group.pk, life_domain="family_relations",
                   description="Ouders van alle groepsleden zijn bijeen geweest en kennen de afspraken.")
    if members:
        plans.goal_add(actor=actor, case_id=group.pk, life_domain="education_work", person=members[0].person,
                       description="Gaat weer elke dag naar school; de leerplichtambtenaar volgt dat wekelijks.")
    if len(members) > 1:
        plans.goal_add(actor=actor, case_id=group.pk, life_domain="friends",
                       person=members[1].person,
                       description="Heeft een vaste dagbesteding bij de sportvereniging in plaats van de groep.")
    if len(members) > 3:
        plans.goal_add(actor=actor, case_id=group.pk, life_domain="friends", person=members[3].person,
                       description="Maakt zich los van de groep; het jongerenwerk spreekt hem twee keer per maand.")
