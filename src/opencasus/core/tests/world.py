"""The one test world: a house with its core staff, partner organisations with their professionals, members
of the other roles, and cases at the stage a test needs.

Every app builds its set-up here (`cases.tests.helpers.world`, `triage.tests.factories.make_world`,
`meetings.tests.factories.setting`, `plans.tests.factories.world`, the meetings and reporting fixtures); the
names the apps' tests use for the people (`owner`, `police_pro`, ...) are the keys of `World.members`, read
through the properties below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Person
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.network.models import House, LocalCriterion, MeetingType, Organisation, Partnership, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

# Stages after admission: a case at one of them was admitted first.
_ADMITTED_STAGES = frozenset({Status.ADMITTED, Status.CLOSED})


@dataclass(frozen=True)
class Partner:
    """A partner organisation of the house. `name` may hold `{pk}` (the house's id) or `{house}` (its name)."""

    key: str
    name: str | None = None
    covenant: bool = True


@dataclass(frozen=True)
class Member:
    """A member of the house: a role, in a partner organisation (`at`, its key) or else in the municipality's
    organisation where the core staff work; `user` holds user fields (and `municipality` for an officer)."""

    role: str
    at: str | None = None
    user: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonSpec:
    """A person in a case, as `PersonFactory` fields (relation, names, date of birth, bsn)."""

    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class World:
    house: House
    gemeente: Organisation  # the municipality's organisation: the core staff work there
    director: User
    secretary: User
    meeting_type: MeetingType
    partners: dict[str, Organisation] = field(default_factory=dict)
    members: dict[str, User] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)  # of the cases made by `add_case`, in order
    criteria: list[LocalCriterion] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # the role of each of `members`

    @property
    def organisations(self) -> list[Organisation]:
        """The partner organisations, in the order they were asked for."""
        return list(self.partners.values())

    @property
    def professionals(self) -> list[User]:
        """The partner professionals, in the order they were asked for."""
        return [self.members[key] for key, role in self.roles.items() if role == Role.PARTNER_PROFESSIONAL]

    @property
    def case(self) -> Case:
        """The world's (first) case."""
        return self.cases[0]

    @property
    def criterion(self) -> LocalCriterion:
        return self.criteria[0]

    # Partner organisations under the names the tests use.
    @property
    def police(self) -> Organisation:
        return self.partners["police"]

    @property
    def care(self) -> Organisation:
        return self.partners["care"]

    @property
    def probation(self) -> Organisation:
        return self.partners["probation"]

    @property
    def no_covenant(self) -> Organisation:
        return self.partners["no_covenant"]

    # Members under the names the tests use.
    @property
    def partner(self) -> User:
        return self.members["partner"]

    @property
    def owner(self) -> User:
        return self.members["owner"]

    @property
    def colleague(self) -> User:
        return self.members["colleague"]

    @property
    def participant(self) -> User:
        return self.members["participant"]

    @property
    def outsider(self) -> User:
        return self.members["outsider"]

    @property
    def filer(self) -> User:
        return self.members["filer"]

    @property
    def police_pro(self) -> User:
        return self.members["police_pro"]

    @property
    def probation_pro(self) -> User:
        return self.members["probation_pro"]

    @property
    def uncovered_pro(self) -> User:
        return self.members["uncovered_pro"]

    @property
    def manager(self) -> User:
        return self.members["manager"]

    @property
    def steering(self) -> User:
        return self.members["steering"]

    @property
    def municipality_officer(self) -> User:
        return self.members["municipality_officer"]

    @property
    def privacy_officer(self) -> User:
        return self.members["privacy_officer"]

    @property
    def administrator(self) -> User:
        return self.members["administrator"]

    @property
    def other_house_director(self) -> User:
        return self.members["other_house_director"]


# The members of every role besides the core staff, under their usual names.
EVERY_ROLE: dict[str, Member] = {
    "manager": Member(Role.HOUSE_MANAGER),
    "steering": Member(Role.STEERING_GROUP_MEMBER),
    "municipality_officer": Member(Role.MUNICIPALITY_OFFICER),
    "privacy_officer": Member(Role.PRIVACY_OFFICER),
    "administrator": Member(Role.FUNCTIONAL_ADMINISTRATOR),
}


def build_world(
    *,
    house: House | None = None,
    gemeente: str | None = None,
    director: Mapping[str, Any] | None = None,
    partners: Sequence[Partner] = (),
    members: Mapping[str, Member] | None = None,
    criteria: Sequence[str] = (),
    other_house: bool = False,
) -> World:
    """A house (a new one unless given) with a process director and a secretary in the municipality's
    organisation (`gemeente`: its name, may hold `{pk}`/`{house}`), a meeting type, the `partners` (each with a
    covenant in force unless `covenant=False`), the `members` by name, the local `criteria`, and with
    `other_house` a process director of another house (`other_house_director`)."""
    house = house or HouseFactory.create()
    core = OrganisationFactory.create(**_named(gemeente, house))
    world = World(
        house=house, gemeente=core,
        director=member(house, Role.PROCESS_DIRECTOR, core, **(director or {})),
        secretary=member(house, Role.SECRETARY, core),
        meeting_type=MeetingType.objects.create(house=house, name="Focusoverleg", usual_chair="Procesregisseur",
                                                cadence="Wekelijks, dinsdag", default_slot_minutes=20),
    )
    for partner in partners:
        world.partners[partner.key] = OrganisationFactory.create(**_named(partner.name, house))
    for key, spec in (members or {}).items():
        add_member(world, key, spec)
    for partner in partners:
        if not partner.covenant:
            Partnership.objects.filter(house=house, organisation=world.partners[partner.key]).update(
                covenant_signed_on=None)
    world.criteria = [LocalCriterion.objects.create(house=house, text=text) for text in criteria]
    if other_house:
        world.members["other_house_director"] = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    return world


def add_member(world: World, key: str, spec: Member) -> User:
    """A new member of the world's house (see `Member`), kept under `key`."""
    organisation = world.partners[spec.at] if spec.at else world.gemeente
    user = member(world.house, spec.role, organisation, **spec.user)
    world.members[key] = user
    world.roles[key] = spec.role
    return user


def add_case(
    world: World,
    *,
    stage: str = Status.SUBMITTED,
    filer: User | None = None,
    organisation: Organisation | None = None,
    persons: Sequence[PersonSpec] | int = 1,
    participants: Sequence[tuple[Organisation, User | None]] = (),
    **fields: Any,
) -> Case:
    """A case of the world's house at `stage` (an admitted or closed case has its admission moment, unless
    `admitted_at` is given), filed by `filer` for `organisation` when given, with `persons` (a number of made-up
    people, or their fields) and `participants` ((organisation, professional) pairs). Further `fields` go to
    `CaseFactory`."""
    if filer is not None:
        fields["filed_by"] = filer
    if organisation is not None:
        fields["filed_by_organisation"] = organisation
    if stage in _ADMITTED_STAGES:
        fields.setdefault("admitted_at", timezone.now())
    case = CaseFactory.create(house=world.house, status=stage, **fields)
    specs = [PersonSpec() for _ in range(persons)] if isinstance(persons, int) else persons
    world.persons.extend(PersonFactory.create(case=case, **spec.fields) for spec in specs)
    for participant_organisation, user in participants:
        ParticipantFactory.create(case=case, organisation=participant_organisation, user=user)
    world.cases.append(case)
    return case


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def _named(name: str | None, house: House) -> dict[str, Any]:
    return {"name": name.format(pk=house.pk, house=house.name)} if name else {}
