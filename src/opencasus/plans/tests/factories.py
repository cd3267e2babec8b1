"""Test set-up for plans: an admitted household case with core staff, owners and outsiders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from opencasus.cases.models import Case, Participant, Person
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.network.models import House, Organisation, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member


@dataclass
class World:
    house: House
    case: Case
    persons: list[Person]
    police: Organisation
    care: Organisation
    director: Any  # process director (core staff)
    secretary: Any
    owner: Any  # police professional, participant
    colleague: Any  # another police professional participating in the case for police
    participant: Any  # care professional, participant
    outsider: Any  # partner professional in the house, not in this case
    filer: Any
    manager: Any
    steering: Any
    municipality_officer: Any
    privacy_officer: Any
    administrator: Any
    other_house_director: Any


def world(*, subject_type: str = SubjectType.SYSTEM) -> World:
    house = HouseFactory()
    police = OrganisationFactory(name=f"Politie {house.pk}")
    care = OrganisationFactory(name=f"GGZ {house.pk}")
    municipality = OrganisationFactory(name=f"Gemeente {house.pk}")
    director = member(house, Role.PROCESS_DIRECTOR, municipality, email="regie@example.invalid")
    secretary = member(house, Role.SECRETARY, municipality)
    owner = member(house, Role.PARTNER_PROFESSIONAL, police, email="owner@example.invalid")
    colleague = member(house, Role.PARTNER_PROFESSIONAL, police)
    participant = member(house, Role.PARTNER_PROFESSIONAL, care)
    outsider = member(house, Role.PARTNER_PROFESSIONAL, care)
    filer = member(house, Role.PARTNER_PROFESSIONAL, care)
    case = CaseFactory(house=house, status=Status.ADMITTED, subject_type=subject_type, filed_by=filer,
                       filed_by_organisation=care, purpose="Samen de veiligheid van het gezin herstellen.",
                       admitted_at=timezone.now())
    persons = [
        PersonFactory(case=case, relation=Relation.PARENT, first_name="Ria", last_name="Vermeer"),
        PersonFactory(case=case, relation=Relation.PARENT, first_name="Kees", last_name="Vermeer"),
        PersonFactory(case=case, relation=Relation.CHILD, first_name="Sem", last_name="Vermeer",
                      date_of_birth=dt.date(2012, 3, 1)),
    ]
    for org, user in ((police, owner), (police, colleague), (care, participant)):
        ParticipantFactory(case=case, organisation=org, user=user)
    return World(
        house=house, case=case, persons=persons, police=police, care=care, director=director,
        secretary=secretary, owner=owner, colleague=colleague, participant=participant, outsider=outsider,
        filer=filer, manager=member(house, Role.HOUSE_MANAGER, municipality),
        steering=member(house, Role.STEERING_GROUP_MEMBER, municipality),
        municipality_officer=member(house, Role.MUNICIPALITY_OFFICER, municipality),
        privacy_officer=member(house, Role.PRIVACY_OFFICER, municipality),
        administrator=member(house, Role.FUNCTIONAL_ADMINISTRATOR, municipality),
        other_house_director=member(HouseFactory(), Role.PROCESS_DIRECTOR),
    )


def a_meeting(w: World) -> int:
    """The id of a case conference of the world's house (a plan is adopted in one)."""
    from opencasus.meetings.models import Meeting
    from opencasus.network.models import MeetingType

    meeting_type = MeetingType.objects.create(house=w.house, name="Casusoverleg")
    return Meeting.objects.create(house=w.house, meeting_type=meeting_type, date=in_days(0),
                                  start_time=dt.time(10, 0), created_by=w.director).pk


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


__all__ = ["Participant", "World", "a_meeting", "in_days", "world"]
