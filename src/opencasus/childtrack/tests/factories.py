"""A Kindspoor world: a house that runs the Kindspoor and counts "Huiselijk geweld" as domestic violence, with an
admitted household case (a parent and two minors) whose plan has a case director and a goal, the police
professional as its participant, youth care as a partner, and members of every other role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import LifeDomain, Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.childtrack.models import ChildCheck, DomesticViolenceTargetGroup, SafetyOutcome
from opencasus.childtrack.services import ChildCheckInput
from opencasus.core.tests.world import EVERY_ROLE, Member, Partner, PersonSpec, World, add_case, build_world
from opencasus.network.models import Approach, HouseApproach, Organisation, Role, TargetGroup
from opencasus.plans import services as plans


@dataclass
class ChildWorld:
    world: World
    case: Case
    parent: Person
    older: Person
    younger: Person
    group: TargetGroup
    youth: Organisation

    @property
    def director(self) -> User:
        return self.world.director

    @property
    def participant(self) -> User:
        return self.world.police_pro


def years_ago(years: int, days: int = 0) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=years * 365 + years // 4 + days)


def make_child_world(*, enabled: bool = True, with_plan: bool = True) -> ChildWorld:
    world = build_world(
        gemeente="Gemeente bij {house}",
        partners=[Partner("police"), Partner("probation"), Partner("youth")],
        members={
            "police_pro": Member(Role.PARTNER_PROFESSIONAL, "police"),
            "probation_pro": Member(Role.PARTNER_PROFESSIONAL, "probation"),
            "youth_pro": Member(Role.PARTNER_PROFESSIONAL, "youth"),
            "filer": Member(Role.PARTNER_PROFESSIONAL, "police"),
            **EVERY_ROLE,
        },
        other_house=True,
    )
    HouseApproach.objects.create(house=world.house, approach=Approach.CHILD_TRACK, enabled=enabled)
    group = TargetGroup.objects.create(house=world.house, name="Huiselijk geweld")
    DomesticViolenceTargetGroup.objects.create(house=world.house, target_group=group)
    case = add_case(world, stage=Status.ADMITTED, filer=world.filer, organisation=world.partners["police"],
                    subject_type=SubjectType.SYSTEM, target_group=group,
                    purpose="Veiligheid van moeder en kinderen borgen.",
                    persons=[PersonSpec({"relation": Relation.PARENT, "date_of_birth": years_ago(35),
                                         "first_name": "Samira", "last_name": "Jansen"}),
                             PersonSpec({"relation": Relation.CHILD, "date_of_birth": years_ago(11),
                                         "first_name": "Noor", "last_name": "Jansen"}),
                             PersonSpec({"relation": Relation.CHILD, "date_of_birth": years_ago(6),
                                         "first_name": "Daan", "last_name": "Jansen"})],
                    participants=[(world.partners["police"], world.police_pro)])
    parent, older, younger = world.persons[-3:]
    if with_plan:
        plans.plan_update(actor=world.director, case_id=case.pk, expected_version=None,
                          director_organisation=world.partners["police"], director_user=world.police_pro)
        plans.goal_add(actor=world.director, case_id=case.pk, life_domain=LifeDomain.FAMILY_RELATIONS,
                       description="Het geweld stopt.")
    return ChildWorld(world, case, parent, older, younger, group, world.partners["youth"])


def complete_input(w: ChildWorld) -> ChildCheckInput:
    return ChildCheckInput(
        seen_and_heard=True, seen_on=timezone.localdate(), seen_by="J. de Boer, Veilig Thuis",
        safety_outcome=SafetyOutcome.CONDITIONALLY_SAFE, safety_note="Veiligheidsplan opgesteld.",
        help_offered=True, help_organisation_id=w.youth.pk, veilig_thuis_involved=True,
        veilig_thuis_reason="Veilig Thuis deed de melding.", board_involved=False,
        board_reason="Ouders werken mee aan vrijwillige hulp.")


def record_complete(w: ChildWorld, person: Person, actor: User | None = None) -> ChildCheck:
    from opencasus.childtrack.services import child_check_record

    current = ChildCheck.objects.filter(person=person).values_list("version", flat=True).first() or 0
    return child_check_record(actor=actor or w.director, case_id=w.case.pk, person_id=person.pk,
                              data=complete_input(w), expected_version=current)


def check_url(case_id: int, person_id: int) -> str:
    from django.urls import reverse

    return reverse("childtrack:case", args=[case_id]) + f"?kind={person_id}"
