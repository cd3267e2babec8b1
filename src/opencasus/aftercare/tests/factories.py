"""An after-care world: the triage world of `triage.tests.factories` in a house running after-care, with the
municipality's organisation (default owner of the basic conditions), the prison (DJI) and the probation service
as partners, an after-care coordinator for Gorinchem and one for Dordrecht, and a running case of Gorinchem whose person
is released in five weeks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.aftercare import services
from opencasus.aftercare.models import Timeline
from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import encrypt_identifier, identifier_hash
from opencasus.core.tests.world import World
from opencasus.network.models import Approach, HouseApproach, Organisation, OrganisationType, Role
from opencasus.network.tests.factories import OrganisationFactory, member, municipality
from opencasus.triage.tests.factories import make_world

BSN = "111222333"  # passes the 11-check


@dataclass
class AftercareWorld:
    triage: World
    municipality_org: Organisation
    prison: Organisation
    coordinator: User
    other_coordinator: User
    officer: User
    running: Case
    person: Person

    @property
    def director(self) -> User:
        return self.triage.director

    @property
    def house_id(self) -> int:
        return self.triage.house.pk

    def timeline(self) -> Timeline:
        return Timeline.objects.get(case=self.running)


def switch(house_id: int, *, on: bool) -> None:
    HouseApproach.objects.update_or_create(house_id=house_id, approach=Approach.AFTERCARE, defaults={"enabled": on})


def make_aftercare_world(*, released_in_days: int = 35) -> AftercareWorld:
    world = make_world()
    switch(world.house.pk, on=True)
    gorinchem = municipality("GM0512")
    municipality_org = OrganisationFactory.create(name=f"Gemeente Gorinchem {world.house.pk}",
                                                  type=OrganisationType.MUNICIPALITY, municipality=gorinchem)
    prison = OrganisationFactory.create(name=f"PI Haaglanden {world.house.pk}", type=OrganisationType.DJI)
    coordinator = member(world.house, Role.AFTERCARE_COORDINATOR, municipality_org, municipality=gorinchem)
    other_coordinator = member(world.house, Role.AFTERCARE_COORDINATOR, municipality_org,
                               municipality=municipality("GM0505"))
    member(world.house, Role.PARTNER_PROFESSIONAL, prison)
    officer = member(world.house, Role.MUNICIPALITY_OFFICER, municipality_org, municipality=gorinchem)
    running = CaseFactory.create(house=world.house, status=Status.ADMITTED, filed_by=world.filer,
                                 filed_by_organisation=world.police, municipality=gorinchem,
                                 purpose="Een sluitende aanpak nazorg na detentie.", admitted_at=timezone.now())
    person = PersonFactory.create(case=running, first_name="Jeroen", last_name="Bakker",
                                  date_of_birth=dt.date(1990, 5, 17), bsn_encrypted=encrypt_identifier(BSN),
                                  bsn_hash=identifier_hash(BSN))
    ParticipantFactory.create(case=running, organisation=world.police, user=world.police_pro)
    services.release_date_set(actor=world.director, case_id=running.pk,
                              release_date=timezone.localdate() + dt.timedelta(days=released_in_days))
    return AftercareWorld(world, municipality_org, prison, coordinator, other_coordinator, officer, running, person)
