"""A small network with admitted cases and named participants, for the meetings tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from opencasus.cases.models import Case
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.meetings.models import Meeting
from opencasus.network.models import House, MeetingType, Organisation, Role, TargetGroup
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member


@dataclass
class Setting:
    house: House
    director: Any
    secretary: Any
    meeting_type: MeetingType
    organisations: list[Organisation] = field(default_factory=list)
    professionals: list[Any] = field(default_factory=list)  # one per organisation
    cases: list[Case] = field(default_factory=list)


def setting(*, organisations: int = 3, house: House | None = None) -> Setting:
    house = house or HouseFactory()
    gemeente = OrganisationFactory()
    director = member(house, Role.PROCESS_DIRECTOR, gemeente)
    secretary = member(house, Role.SECRETARY, gemeente)
    meeting_type = MeetingType.objects.create(house=house, name="Focusoverleg", usual_chair="Procesregisseur",
                                              cadence="Wekelijks, dinsdag", default_slot_minutes=20)
    result = Setting(house, director, secretary, meeting_type)
    for _ in range(organisations):
        org = OrganisationFactory()
        result.organisations.append(org)
        result.professionals.append(member(house, Role.PARTNER_PROFESSIONAL, org))
    return result


def admitted_case(s: Setting, needed: list[int], *, target_group: str = "Huiselijk geweld", persons: int = 1,
                  **fields: Any) -> Case:
    """An admitted case of the setting's house with the professionals at `needed` indexes as participants."""
    group, _ = TargetGroup.objects.get_or_create(house=s.house, name=target_group)
    case = CaseFactory(house=s.house, status=Status.ADMITTED, purpose="Gezamenlijke aanpak in het focusoverleg",
                       target_group=group, **fields)
    for _ in range(persons):
        PersonFactory(case=case)
    for index in needed:
        ParticipantFactory(case=case, organisation=s.organisations[index], user=s.professionals[index])
    s.cases.append(case)
    return case


def meeting(s: Setting, **fields: Any) -> Meeting:
    defaults: dict[str, Any] = {"house": s.house, "meeting_type": s.meeting_type,
                                "date": dt.date.today() + dt.timedelta(days=7), "start_time": dt.time(9, 0),
                                "location": "Veiligheidshuis, zaal 2", "chair": s.director, "secretary": s.secretary,
                                "created_by": s.director}
    return Meeting.objects.create(**(defaults | fields))
