"""Meetings change status only along their transition table, whatever the sequence of service calls."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.meetings import mandates, minutes, services
from opencasus.meetings.models import AgendaItem, Confirmation, Invitation, Meeting, MeetingStatus, Minutes
from opencasus.meetings.tests.factories import meeting, setting
from opencasus.meetings.workflow import CONFIRMATION_TRANSITIONS, MEETING_TRANSITIONS, MINUTES_TRANSITIONS
from opencasus.network.models import MeetingType
from opencasus.plans import services as plan_services
from opencasus.plans.tests.factories import in_days, world

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


def test_no_sequence_of_service_calls_leaves_the_minutes_table() -> None:
    w = world()
    conference = MeetingType.objects.create(house=w.house, name="Casusoverleg")

    def create() -> AgendaItem:
        # Minutes belong to one item of one meeting: each sequence starts with yesterday's new conference.
        meeting = Meeting.objects.create(house=w.house, meeting_type=conference, date=in_days(-1),
                                         start_time=dt.time(10, 0), created_by=w.director, chair=w.director)
        Invitation.objects.create(meeting=meeting, user=w.participant)
        item = AgendaItem.objects.create(meeting=meeting, case=w.case)
        minutes.minutes_save(actor=w.director, meeting_id=item.meeting_id, item_id=item.pk, picture_forming="Beeld",
                             judgement="Oordeel", decisions=[])
        return item

    def write(item: AgendaItem, with_decision: bool) -> None:
        decisions = [minutes.DecisionInput("Huisbezoek", w.police.pk, w.owner.pk, in_days(9))] if with_decision else []
        minutes.minutes_save(actor=w.director, meeting_id=item.meeting_id, item_id=item.pk,
                             picture_forming="Beeld, aangevuld", judgement="Oordeel", decisions=decisions)

    def approve(item: AgendaItem, by_chair: bool) -> None:
        minutes.minutes_approve(actor=w.director if by_chair else w.participant, meeting_id=item.meeting_id,
                                item_id=item.pk)

    check_against_table(table=MINUTES_TRANSITIONS, create=create,
                        read=lambda item: Minutes.objects.get(agenda_item=item).status,
                        actions={"write": (write, st.booleans()), "approve": (approve, st.booleans())},
                        max_examples=8)


def test_no_sequence_of_service_calls_leaves_the_confirmation_table() -> None:
    w = world()

    def create() -> Confirmation:
        agreement = plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                                   owner_organisation=w.police, deadline=in_days(20))
        return mandates.confirmation_request(actor=w.director, deadline=in_days(5), reason="Buiten het mandaat",
                                             agreement_id=agreement.pk)

    def answer(subject: Confirmation, choice: tuple[bool, bool, str]) -> None:
        by_police, confirmed, note = choice
        mandates.confirmation_answer(actor=w.owner if by_police else w.participant, confirmation_id=subject.pk,
                                     expected_version=None, confirmed=confirmed, note=note)

    check_against_table(
        table=CONFIRMATION_TRANSITIONS, create=create,
        read=lambda subject: Confirmation.objects.get(pk=subject.pk).status,
        actions={"answer": (answer, st.tuples(st.booleans(), st.booleans(),
                                              st.sampled_from(["", "Geen capaciteit"])))},
        max_examples=8)
