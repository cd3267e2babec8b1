"""A group world: the triage world of `triage.tests.factories` with the group approach switched on, an admitted
youth group case (area) of six members with roles, and two admitted individual cases of two members.

- `police_pro` takes part in the group case only;
- `probation_pro` takes part in the group case and in the first individual case (`case_a`);
- `filer` filed the group case (filer level: sees no members); the director filed the individual cases;
- the director and the secretary are core staff of the house."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import World
from opencasus.groups import services
from opencasus.groups.models import GroupMember
from opencasus.groups.vocabulary import MemberRole
from opencasus.network.models import Approach, HouseApproach
from opencasus.network.tests.factories import municipality
from opencasus.triage.tests.factories import make_world

ROLES = [(MemberRole.LEADER, 1), (MemberRole.CORE_MEMBER, 1), (MemberRole.CORE_MEMBER, 2),
         (MemberRole.FOLLOWER, 2), (MemberRole.FOLLOWER, 3), (MemberRole.FOLLOWER, 3)]
START = dt.date(2026, 1, 15)


@dataclass
class GroupWorld:
    world: World
    group: Case
    members: list[GroupMember]
    case_a: Case
    case_b: Case

    @property
    def director(self) -> User:
        return self.world.director


def switch_on(house_id: int, *, enabled: bool = True) -> None:
    HouseApproach.objects.update_or_create(house_id=house_id, approach=Approach.GROUP,
                                           defaults={"enabled": enabled})


def group_case(world: World, **fields: object) -> Case:
    case = CaseFactory.create(
        house=world.house, subject_type=SubjectType.AREA, status=Status.ADMITTED, filed_by=world.filer,
        filed_by_organisation=world.police, municipality=municipality("GM0505"), neighbourhood="Crabbehof",
        purpose="Een groepsaanpak van de jeugdgroep rond het winkelcentrum.", admitted_at=timezone.now(), **fields)
    return case


def person_case(world: World, person: Person) -> Case:
    case = CaseFactory.create(house=world.house, subject_type=SubjectType.PERSON, status=Status.ADMITTED,
                              filed_by=world.director, filed_by_organisation=world.gemeente,
                              purpose="Een persoonsgerichte aanpak naast de groepsaanpak.",
                              admitted_at=timezone.now())
    PersonFactory.create(case=case, first_name=person.first_name, last_name=person.last_name,
                         date_of_birth=person.date_of_birth)
    return case


def make_group_world(*, linked: bool = True) -> GroupWorld:
    world = make_world()
    switch_on(world.house.pk)
    group = group_case(world)
    ParticipantFactory.create(case=group, organisation=world.police, user=world.police_pro)
    ParticipantFactory.create(case=group, organisation=world.probation, user=world.probation_pro)
    members = []
    for index, (role, tier) in enumerate(ROLES):
        person = PersonFactory.create(case=group, relation=Relation.GROUP_MEMBER, date_of_birth=dt.date(2009, 3, 1),
                                      first_name=f"Jongere{index + 1}", last_name=f"Groep{world.house.pk}")
        members.append(services.member_add(actor=world.director, case_id=group.pk, person_id=person.pk, role=role,
                                           tier=tier, start_date=START))
    case_a = person_case(world, members[0].person)
    case_b = person_case(world, members[1].person)
    ParticipantFactory.create(case=case_a, organisation=world.probation, user=world.probation_pro)
    if linked:
        members[0] = services.member_link(actor=world.director, case_id=group.pk, member_id=members[0].pk,
                                          individual_case_id=case_a.pk, expected_version=1)
        members[1] = services.member_link(actor=world.director, case_id=group.pk, member_id=members[1].pk,
                                          individual_case_id=case_b.pk, expected_version=1)
    return GroupWorld(world, group, members, case_a, case_b)
