"""A Top X world: the triage world of `triage.tests.factories` with Top X switched on, a list with three
inclusion criteria and two exit criteria, a municipality officer, a house manager, and the CSV helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import World, add_case
from opencasus.network.models import Approach, HouseApproach, Organisation, Role
from opencasus.network.tests.factories import member, municipality
from opencasus.topx import services
from opencasus.topx.models import Candidate, TopXList
from opencasus.triage.tests.factories import make_world

CRITERIA = ["Veelpleger: tien of meer antecedenten in vijf jaar",
            "Geweld of bedreiging in de afgelopen twee jaar",
            "Problemen op meerdere leefgebieden"]
EXITS = ["Twee jaar geen nieuwe antecedenten", "Verhuisd buiten de regio"]


def bsn(seed: int) -> str:
    """A valid BSN (eleven-test) made from `seed`."""
    n = 10_000_000 + seed * 7
    while True:
        digits = f"{n:08d}"[-8:]
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10:
            return digits + str(last)
        n += 1


def switch_on(house_id: int, on: bool = True) -> None:
    HouseApproach.objects.update_or_create(house_id=house_id, approach=Approach.TOP_X, defaults={"enabled": on})


@dataclass
class TopxWorld:
    triage: World
    topx_list: TopXList
    manager: User
    officer: User

    @property
    def director(self) -> User:
        return self.triage.director


def make_topx_world(*, cycle: int = 6) -> TopxWorld:
    world = make_world()
    switch_on(world.house.pk)
    manager = member(world.house, Role.HOUSE_MANAGER, world.gemeente)
    officer = member(world.house, Role.MUNICIPALITY_OFFICER, world.gemeente, municipality=municipality("GM0505"))
    topx_list = services.topx_list_create(
        actor=world.director, house_id=world.house.pk, name="Top X Drechtsteden", theme="High impact crime",
        review_cycle_months=cycle, criteria=[services.CriterionData(t, 5) for t in CRITERIA], exit_criteria=EXITS)
    return TopxWorld(world, topx_list, manager, officer)


def propose(w: TopxWorld, *, seed: int = 1, by: User | None = None) -> Candidate:
    t = w.triage
    return services.candidate_propose(
        actor=by or t.police_pro, list_id=w.topx_list.pk, organisation_id=t.police.pk,
        person=services.PersonInput("Kevin", f"Jansen{seed}", dt.date(2001, 3, 4), bsn(seed)),
        scores={1: 4, 2: 3, 3: 5}, motivation="Veel woninginbraken in Dordrecht-West.")


def admitted_case_for(w: TopxWorld, candidate: Candidate, *,
                      participant: tuple[Organisation, User] | None = None) -> Case:
    """An admitted case of the candidate's person (same names and BSN), optionally with a named participant."""
    from opencasus.core.identifiers import decrypt_identifier
    from opencasus.core.tests.world import PersonSpec

    spec = PersonSpec({"first_name": candidate.first_name, "last_name": candidate.last_name,
                       "bsn": decrypt_identifier(candidate.bsn_encrypted) if candidate.bsn_encrypted else None})
    return add_case(w.triage, stage=Status.ADMITTED, persons=[spec], participants=[participant] if participant else [],
                    purpose="Samen criminaliteit en zorg aanpakken.")


def include(w: TopxWorld, candidate: Candidate, *, participant: tuple[Organisation, User] | None = None) -> Candidate:
    case = admitted_case_for(w, candidate, participant=participant)
    return services.candidate_decide(actor=w.director, candidate_id=candidate.pk, include=True,
                                     grounds="Voldoet aan alle drie de criteria.", case_id=case.pk)
