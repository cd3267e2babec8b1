"""The allowed status changes of meetings and minutes (see `opencasus.core.transitions`)."""

from __future__ import annotations

from opencasus.core.transitions import TransitionTable
from opencasus.meetings.models import ConfirmationStatus, MeetingStatus, MinutesStatus

MEETING_TRANSITIONS = TransitionTable(
    transitions={
        MeetingStatus.PLANNED: frozenset({MeetingStatus.HELD, MeetingStatus.CANCELLED}),
        MeetingStatus.HELD: frozenset(),
        MeetingStatus.CANCELLED: frozenset(),
    },
    label=lambda value: str(MeetingStatus(value).label),
)

MINUTES_TRANSITIONS = TransitionTable(
    transitions={
        MinutesStatus.DRAFT: frozenset({MinutesStatus.APPROVED}),
        MinutesStatus.APPROVED: frozenset(),  # approved minutes are final
    },
    label=lambda value: str(MinutesStatus(value).label),
)


# A confirmation beyond a mandate is answered once: confirmed or refused.
CONFIRMATION_TRANSITIONS = TransitionTable(
    transitions={
        ConfirmationStatus.PENDING: frozenset({ConfirmationStatus.CONFIRMED, ConfirmationStatus.REFUSED}),
        ConfirmationStatus.CONFIRMED: frozenset(),
        ConfirmationStatus.REFUSED: frozenset(),
    },
    label=lambda value: str(ConfirmationStatus(value).label),
)
