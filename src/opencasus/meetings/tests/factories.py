"""A small network with admitted cases and named participants, for the meetings tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import Member, Partner, World, add_case, build_world
from opencasus.meetings.models import Meeting
from opencasus.network.models import House, Role, TargetGroup


def setting(*, organisations: int = 3, house: House | None = None) -> World:
    """Core staff and `organisations` partner organisations with one professional each
    (`World.organisations[i]`, `World.professionals[i]`)."""
    return build_world(
        house=house,
        partners=[Partner(f"organisation{i}") for i in range(organisations)],
        members={f"professional{i}": Member(Role.PARTNER_PROFESSIONAL, f"organisation{i}")
                 for i in range(organisations)},
    )


def admitted_case(s: World, needed: list[int], *, target_group: str = "Huiselijk geweld", persons: int = 1,
                  **fields: Any) -> Case:
    """An admitted case of the setting's house with the professionals at `needed` indexes as participants."""
    group, _ = TargetGroup.objects.get_or_create(house=s.house, name=target_group)
    fields.setdefault("purpose", "Gezamenlijke aanpak in het focusoverleg")
    return add_case(s, stage=Status.ADMITTED, target_group=group, persons=persons,
                    participants=[(s.organisations[i], s.professionals[i]) for i in needed], **fields)


def meeting(s: World, **fields: Any) -> Meeting:
    defaults: dict[str, Any] = {"house": s.house, "meeting_type": s.meeting_type,
                                "date": dt.date.today() + dt.timedelta(days=7), "start_time": dt.time(9, 0),
                                "location": "Veiligheidshuis, zaal 2", "chair": s.director, "secretary": s.secretary,
                                "created_by": s.director}
    return Meeting.objects.create(**(defaults | fields))
