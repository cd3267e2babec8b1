"""Meetings change status only along their transition table, whatever the sequence of service calls."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.meetings import services
from opencasus.meetings.models import Meeting, MeetingStatus
from opencasus.meetings.tests.factories import meeting, setting
from opencasus.meetings.workflow import MEETING_TRANSITIONS, MINUTES_TRANSITIONS

pytestmark = pytest.mark.django_db

STATUSES = st.sampled_from([*MeetingStatus.values, "bogus", ""])


def test_held_and_cancelled_meetings_are_final() -> None:
    assert MEETING_TRANSITIONS.targets(MeetingStatus.HELD) == frozenset()
    assert MEETING_TRANSITIONS.targets(MeetingStatus.CANCELLED) == frozenset()
    assert MINUTES_TRANSITIONS.targets("approved") == frozenset()


def test_no_sequence_of_service_calls_leaves_the_meeting_table() -> None:
    s = setting(organisations=1)

    def set_status(subject: Meeting, status: str) -> None:
        services.meeting_set_status(actor=s.director, meeting_id=subject.pk, status=status)

    check_against_table(table=MEETING_TRANSITIONS, create=lambda: meeting(s),
                        read=lambda subject: Meeting.objects.get(pk=subject.pk).status,
                        actions={"set status": (set_status, STATUSES)})
