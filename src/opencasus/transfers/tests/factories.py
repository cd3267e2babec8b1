"""A transfer world: a Fryslân house (A) with an admitted case and a Flevoland house (B)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case, InformationItem, Person
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.vocabulary import LifeDomain, Relation, SharingScope
from opencasus.cases.workflow import Status
from opencasus.network.models import House, Organisation, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member, municipality, region
from opencasus.plans.models import Agreement, Goal, Plan
from opencasus.transfers import services
from opencasus.transfers.models import Transfer

_numbers = itertools.count(1)


@dataclass
class TransferWorld:
    house_a: House
    house_b: House
    house_c: House
    police_a: Organisation
    care_b: Organisation
    director_a: User
    secretary_a: User
    partner_a: User
    director_b: User
    secretary_b: User
    partner_b: User
    director_c: User
    case: Case
    other_case: Case
    persons: list[Person]
    shared_item: InformationItem
    kept_item: InformationItem


def make_transfer_world() -> TransferWorld:
    house_a = HouseFactory.create(region=region("VR02"),
                                  name=f"Veiligheidshuis Fryslân {dt.datetime.now().timestamp()}",
                                  city="Leeuwarden")
    house_b = HouseFactory.create(region=region("VR25"), name=f"Veiligheidshuis Flevoland {house_a.pk}",
                                  city="Lelystad")
    house_c = HouseFactory.create(region=region("VR18"), name=f"Veiligheidshuis Zuid-Holland Zuid {house_a.pk}")
    police_a = OrganisationFactory.create(name=f"Politie Noord-Nederland {house_a.pk}")
    care_b = OrganisationFactory.create(name=f"Reclassering Flevoland {house_a.pk}")
    director_a = member(house_a, Role.PROCESS_DIRECTOR, police_a, first_name="Anke", last_name="Bosma")
    secretary_a = member(house_a, Role.SECRETARY, police_a)
    partner_a = member(house_a, Role.PARTNER_PROFESSIONAL, police_a)
    director_b = member(house_b, Role.PROCESS_DIRECTOR, care_b, first_name="Bram", last_name="Visser")
    secretary_b = member(house_b, Role.SECRETARY, care_b)
    partner_b = member(house_b, Role.PARTNER_PROFESSIONAL, care_b)
    director_c = member(house_c, Role.PROCESS_DIRECTOR)
    case = CaseFactory.create(
        house=house_a, status=Status.ADMITTED, filed_by=partner_a, filed_by_organisation=police_a,
        municipality=municipality("GM0080"), purpose="Samen overlast en zorg aanpakken rond Jan.",
        questions="Wie neemt de zorg over na de verhuizing?", admitted_at=timezone.now(), process_director=director_a)
    other_case = CaseFactory.create(house=house_a, status=Status.ADMITTED, municipality=municipality("GM0080"),
                                    purpose="Een andere casus.", admitted_at=timezone.now())
    persons = [PersonFactory.create(case=case, first_name="Jan", last_name="de Vries", bsn="123456782"),
               PersonFactory.create(case=case, first_name="Petra", last_name="de Vries", relation=Relation.PARENT)]
    PersonFactory.create(case=other_case)
    ParticipantFactory.create(case=case, organisation=police_a, user=partner_a)
    shared_item = InformationItem.objects.create(
        case=case, organisation=police_a, author=partner_a, person=persons[0], life_domain=LifeDomain.OFFENCE_HISTORY,
        text="Drie aanhoudingen voor winkeldiefstal in 2026.", sharing_scope=SharingScope.ALL_PARTICIPANTS,
        legal_basis="Convenant Zorg- en Veiligheidshuizen, art. 8", transferable=True)
    kept_item = InformationItem.objects.create(
        case=case, organisation=police_a, author=partner_a, life_domain=LifeDomain.CURRENT_OFFENCE,
        text="Lopend opsporingsonderzoek, niet overdragen.", sharing_scope=SharingScope.ALL_PARTICIPANTS,
        legal_basis="Wpg art. 19", transferable=False)
    plan = Plan.objects.create(case=case, adopted_version=1, changed_since_adoption=False)
    goal = Goal.objects.create(plan=plan, life_domain=LifeDomain.OFFENCE_HISTORY, person=persons[0],
                               description="Geen nieuwe winkeldiefstallen.")
    Agreement.objects.create(plan=plan, case=case, house=house_a, description="Wekelijks gesprek met de wijkagent.",
                             owner_organisation=police_a, deadline=timezone.localdate() + dt.timedelta(days=30),
                             goal=goal)
    return TransferWorld(house_a, house_b, house_c, police_a, care_b, director_a, secretary_a, partner_a, director_b,
                         secretary_b, partner_b, director_c, case, other_case, persons, shared_item, kept_item)


def propose(w: TransferWorld, **fields: object) -> Transfer:
    data: dict[str, object] = {
        "case_id": w.case.pk, "to_house_id": w.house_b.pk, "reason": "Jan verhuist naar Lelystad.",
        "move_date": timezone.localdate() + dt.timedelta(days=14), "include_purpose": True, "include_plan": True,
        "information_item_ids": [w.shared_item.pk]}
    data.update(fields)
    return services.transfer_propose(actor=w.director_a, **data)  # type: ignore[arg-type]
