"""A follow-through world: the triage world of `triage.tests.factories`, a municipality officer for the cases'
municipality, a routed intake with its check-back, and a running case that can be closed."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.followup.models import CheckBack
from opencasus.network.models import Organisation, Role
from opencasus.network.tests.factories import OrganisationFactory, member, municipality
from opencasus.triage import services as triage
from opencasus.triage.models import Outcome
from opencasus.triage.services import DecisionInput
from opencasus.triage.tests.factories import World, does_not_meet, intake, make_world


@dataclass
class FollowupWorld:
    triage: World
    officer: User
    other_officer: User
    routed: Case
    check_back: CheckBack
    running: Case
    care: Organisation

    @property
    def director(self) -> User:
        return self.triage.director


def route(world: World, case: Case) -> CheckBack:
    triage.assessment_save(actor=world.director, case_id=case.pk, data=does_not_meet())
    triage.decision_record(actor=world.director, case_id=case.pk, notify_filer=False, data=DecisionInput(
        outcome=Outcome.ROUTE, grounds="Huiselijk geweld staat op de voorgrond.", routed_to="veilig_thuis"))
    return CheckBack.objects.get(case=case)


def make_followup_world() -> FollowupWorld:
    world = make_world()
    gemeente = OrganisationFactory(name=f"Gemeente Delft {world.house.pk}")
    officer = member(world.house, Role.MUNICIPALITY_OFFICER, gemeente, municipality=municipality("GM0503"))
    other_officer = member(world.house, Role.MUNICIPALITY_OFFICER, gemeente, municipality=municipality("GM0505"))
    routed = intake(world, municipality=municipality("GM0503"))
    check_back = route(world, routed)
    care = OrganisationFactory(name=f"Wijkteam {world.house.pk}")
    running = CaseFactory(house=world.house, status=Status.ADMITTED, filed_by=world.filer,
                          filed_by_organisation=world.police, municipality=municipality("GM0503"),
                          purpose="Samen overlast en zorg aanpakken.", admitted_at=timezone.now())
    PersonFactory(case=running)
    ParticipantFactory(case=running, organisation=world.police, user=world.police_pro)
    return FollowupWorld(world, officer, other_officer, routed, check_back, running, care)
