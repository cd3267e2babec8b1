"""How often a meeting recurs, in words that follow the meeting's own weekday.

A meeting type's cadence is the house's free text ("wekelijks, dinsdag", "tweewekelijks", "dagelijks").
A meeting of that type may be held on another day; the page then shows the meeting's actual weekday,
never a weekday it is not held on.
"""

from __future__ import annotations

import re

from django.utils import dateformat, translation

from opencasus.meetings.models import Meeting

# Weekday names as a house may write them in a cadence (Dutch and English, any case).
WEEKDAYS = ("maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
            "monday|tuesday|wednesday|thursday|friday|saturday|sunday")
_WEEKDAY = re.compile(rf"\b({WEEKDAYS})(en)?\b", re.IGNORECASE)
_WEEKLY = re.compile(r"wekelijks|weekly|per week", re.IGNORECASE)


def recurrence_text(meeting: Meeting) -> str:
    cadence = (meeting.meeting_type.cadence or "").strip()
    if not cadence:
        return ""
    with translation.override("nl"):
        weekday = dateformat.format(meeting.date, "l")
    if _WEEKDAY.search(cadence):
        return _WEEKDAY.sub(weekday, cadence, count=1)
    if _WEEKLY.search(cadence):
        return f"{cadence}, {weekday}"
    return cadence
