"""The ZSM test world: the plans world (an admitted case with three persons, participants and every role), a
ZSM system client of the house, and cases of the same person at other stages."""

from __future__ import annotations

from dataclasses import dataclass

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import identifier_hash
from opencasus.core.tests.world import World, add_case
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.plans.tests.factories import world as plans_world

BSN = "111222333"


@dataclass(frozen=True)
class ZsmWorld:
    w: World
    client: User  # a ZSM system client of the house
    other_client: User  # a ZSM system client of another house
    person_client: User  # a professional (not a system client) holding the ZSM role
    person: Person  # in the admitted case, with BSN
    declined: Case  # the same person in a declined intake

    @property
    def case(self) -> Case:
        return self.w.case


def zsm_world() -> ZsmWorld:
    w = plans_world(subject_type="person")
    person = w.case.persons.order_by("id").first()
    assert person is not None
    Person.objects.filter(pk=person.pk).update(bsn_hash=identifier_hash(BSN))
    person.refresh_from_db()
    declined = add_case(w, stage=Status.DECLINED, persons=[])
    PersonFactory.create(case=declined, bsn=BSN, first_name=person.first_name, last_name=person.last_name,
                         date_of_birth=person.date_of_birth)
    client = member(w.house, Role.ZSM_CLIENT, is_system_client=True)
    other_client = member(HouseFactory.create(), Role.ZSM_CLIENT, is_system_client=True)
    person_client = member(w.house, Role.ZSM_CLIENT)
    return ZsmWorld(w=w, client=client, other_client=other_client, person_client=person_client, person=person,
                    declined=declined)
