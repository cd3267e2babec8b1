from __future__ import annotations

import datetime as dt

import pytest

from opencasus.meetings.models import Meeting
from opencasus.meetings.recurrence import recurrence_text
from opencasus.network.models import MeetingType

THURSDAY = dt.date(2026, 12, 10)


@pytest.mark.parametrize(("cadence", "shown"), [
    ("wekelijks, dinsdag", "wekelijks, donderdag"),
    ("Wekelijks op Dinsdag", "Wekelijks op donderdag"),
    ("tweewekelijks", "tweewekelijks, donderdag"),
    ("dagelijks", "dagelijks"),
    ("", ""),
])
def test_the_recurrence_follows_the_meetings_own_weekday(cadence: str, shown: str) -> None:
    assert THURSDAY.isoweekday() == 4
    meeting = Meeting(meeting_type=MeetingType(name="Focusoverleg", cadence=cadence), date=THURSDAY)
    assert recurrence_text(meeting) == shown
