"""Test set-up for plans: an admitted household case with core staff, owners and outsiders."""

from __future__ import annotations

import datetime as dt

from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import EVERY_ROLE, Member, Partner, PersonSpec, World, add_case, build_world, in_days
from opencasus.meetings.models import Meeting
from opencasus.network.models import MeetingType, Role

PROFESSIONAL = Role.PARTNER_PROFESSIONAL


def world(*, subject_type: str = SubjectType.SYSTEM) -> World:
    """Core staff in the municipality's organisation; police professionals `owner` and `colleague` and care
    professional `participant` take part in the admitted case, filed by care professional `filer`; care
    professional `outsider` does not take part; a member of every other role, and `other_house_director`."""
    w = build_world(
        gemeente="Gemeente {pk}", director={"email": "regie@example.invalid"},
        partners=[Partner("police", "Politie {pk}"), Partner("care", "GGZ {pk}")],
        members={
            "owner": Member(PROFESSIONAL, "police", {"email": "owner@example.invalid"}),
            "colleague": Member(PROFESSIONAL, "police"),
            "participant": Member(PROFESSIONAL, "care"),
            "outsider": Member(PROFESSIONAL, "care"),
            "filer": Member(PROFESSIONAL, "care"),
            **EVERY_ROLE,
        },
        other_house=True,
    )
    add_case(
        w, stage=Status.ADMITTED, subject_type=subject_type, filer=w.filer, organisation=w.care,
        purpose="Samen de veiligheid van het gezin herstellen.",
        persons=[
            PersonSpec({"relation": Relation.PARENT, "first_name": "Ria", "last_name": "Vermeer"}),
            PersonSpec({"relation": Relation.PARENT, "first_name": "Kees", "last_name": "Vermeer"}),
            PersonSpec({"relation": Relation.CHILD, "first_name": "Sem", "last_name": "Vermeer",
                        "date_of_birth": dt.date(2012, 3, 1)}),
        ],
        participants=[(w.police, w.owner), (w.police, w.colleague), (w.care, w.participant)],
    )
    return w


def a_meeting(w: World) -> int:
    """The id of a case conference of the world's house (a plan is adopted in one)."""
    meeting_type = MeetingType.objects.create(house=w.house, name="Casusoverleg")
    return Meeting.objects.create(house=w.house, meeting_type=meeting_type, date=in_days(0),
                                  start_time=dt.time(10, 0), created_by=w.director).pk


__all__ = ["World", "a_meeting", "in_days", "world"]
