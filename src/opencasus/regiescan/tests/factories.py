"""The regie scan test world: a house with every role, and municipality officers for municipalities of the
house's region (each bound to their municipality), plus a scan helper that answers every question."""

from __future__ import annotations

from dataclasses import dataclass, field

from opencasus.accounts.models import User
from opencasus.core.tests.world import EVERY_ROLE, World, build_world
from opencasus.network.models import House, Municipality, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.regiescan import selectors, services
from opencasus.regiescan.defaults import install_defaults
from opencasus.regiescan.models import Submission


@dataclass
class ScanWorld:
    w: World
    municipalities: list[Municipality]
    officers: list[User]  # officers[i] fills in for municipalities[i] in w.house
    other_house: House  # another house of the same region
    other_officer: User  # an officer of municipalities[0], in the other house
    extra: dict[str, User] = field(default_factory=dict)

    @property
    def house(self) -> House:
        return self.w.house

    @property
    def officer(self) -> User:
        return self.officers[0]


def scan_world(officers: int = 2) -> ScanWorld:
    w = build_world(members=EVERY_ROLE, other_house=True)
    municipalities = list(Municipality.objects.filter(region=w.house.region).order_by("code")[: max(officers, 6)])
    users = [member(w.house, Role.MUNICIPALITY_OFFICER, municipality=m) for m in municipalities[:officers]]
    other_house = HouseFactory.create(region=w.house.region)
    other_officer = member(other_house, Role.MUNICIPALITY_OFFICER, municipality=municipalities[0])
    install_defaults(w.house.pk)  # as the first page of the house's scan would
    install_defaults(other_house.pk)
    return ScanWorld(w=w, municipalities=municipalities, officers=users, other_house=other_house,
                     other_officer=other_officer)


def add_officer(world: ScanWorld, municipality: Municipality) -> User:
    user = member(world.house, Role.MUNICIPALITY_OFFICER, municipality=municipality)
    world.officers.append(user)
    return user


def answered_scan(*, officer: User, house: House, municipality: Municipality, year: int, value: int = 4,
                  submit: bool = True) -> Submission:
    """A scan of `year` with every question answered `value`, submitted unless `submit` is False."""
    scan = services.scan_start(actor=officer, house_id=house.pk, municipality_id=municipality.pk, year=year)
    answers: dict[int, int | None] = {q.pk: value for q in selectors.questionnaire(house_id=house.pk).active_questions}
    return services.scan_answers_save(actor=officer, scan_id=scan.pk, answers=answers, expected_version=scan.version,
                                      submit=submit)
