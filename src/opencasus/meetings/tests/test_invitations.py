from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from icalendar import Calendar
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.meetings import invitations, services
from opencasus.meetings.models import Invitation, InvitationStatus, Meeting, MeetingStatus
from opencasus.meetings.tests.factories import admitted_case, meeting, setting

pytestmark = pytest.mark.django_db


def _calendar(message: mail.EmailMessage) -> Calendar:
    (name, content, mimetype), = message.attachments
    assert name.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def _sent_to(user: User) -> list[mail.EmailMessage]:
    return [m for m in mail.outbox if m.to == [user.email]]


@pytest.fixture
def planned(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> tuple[World, Meeting, tuple[Case, Case, Case]]:
    s = setting()
    m = meeting(s, date=dt.date(2026, 12, 8), start_time=dt.time(9, 0))
    first = admitted_case(s, [0, 1])
    second = admitted_case(s, [1])
    third = admitted_case(s, [2])
    for n, case in enumerate((first, second, third)):
        case.persons.update(first_name=f"Zwaantje{n}", last_name=f"Kwakernaak{n}")
    for case, minutes in ((first, 20), (second, 30), (third, 15)):
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=case.pk, minutes=minutes)
    with django_capture_on_commit_callbacks(execute=True):
        result = invitations.invitations_send(actor=s.director, meeting_id=m.pk)
    assert result.invited == 3
    return s, m, (first, second, third)


def test_ics_holds_only_the_invitees_block(planned: tuple[World, Meeting, tuple[Case, Case, Case]]) -> None:
    s, m, (first, second, third) = planned
    (message,) = _sent_to(s.professionals[1])
    cal = _calendar(message)
    assert cal["METHOD"] == "REQUEST"
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    amsterdam_start = dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert event.decoded("DTSTART") == amsterdam_start  # first item 09:00-09:20
    assert event.decoded("DTEND") == amsterdam_start + dt.timedelta(minutes=50)  # second item until 09:50
    assert event.decoded("SEQUENCE") == 0
    invitation = Invitation.objects.get(meeting=m, user=s.professionals[1])
    assert str(event["UID"]) == invitation.uid
    description = str(event["DESCRIPTION"])
    assert first.reference in description
    assert second.reference in description
    assert third.reference not in description
    assert third.reference not in message.body
    # Only the third partner's own slot: 09:50-10:05.
    (other,) = _sent_to(s.professionals[2])
    event = next(iter(_calendar(other).walk("VEVENT")))
    assert event.decoded("DTSTART") == amsterdam_start + dt.timedelta(minutes=50)
    assert event.decoded("DTEND") == amsterdam_start + dt.timedelta(minutes=65)


def test_no_personal_data_of_the_people_concerned(planned: tuple[World, Meeting, tuple[Case, Case, Case]]) -> None:
    _s, _m, cases = planned
    for message in mail.outbox:
        text = f"{message.body}{message.subject}{message.attachments[0][1]}"
        for case in cases:
            for person in case.persons.all():
                assert person.last_name not in text
                assert person.first_name not in text
                assert str(person.pseudonym) not in text


def test_updates_raise_the_sequence_and_keep_the_uid(
    planned: tuple[World, Meeting, tuple[Case, Case, Case]],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    s, m, (first, second, third) = planned
    uid = Invitation.objects.get(meeting=m, user=s.professionals[2]).uid
    mail.outbox.clear()
    items = {i.case_id: i.pk for i in m.agenda_items.all()}
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_reorder(actor=s.director, meeting_id=m.pk,
                                item_ids=[items[third.pk], items[first.pk], items[second.pk]])
        result = invitations.invitations_send(actor=s.director, meeting_id=m.pk)
    assert (result.updated, result.unchanged) == (3, 0)
    (message,) = _sent_to(s.professionals[2])
    event = next(iter(_calendar(message).walk("VEVENT")))
    assert str(event["UID"]) == uid
    assert event.decoded("SEQUENCE") == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = invitations.invitations_send(actor=s.director, meeting_id=m.pk)
    assert (result.updated, result.unchanged) == (0, 3)
    assert mail.outbox == []


def test_no_longer_needed_gets_a_cancel(planned: tuple[World, Meeting, tuple[Case, Case, Case]],
                                        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> None:
    s, m, (_first, _second, third) = planned
    mail.outbox.clear()
    item = m.agenda_items.get(case=third)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_remove(actor=s.director, meeting_id=m.pk, item_id=item.pk)
        result = invitations.invitations_send(actor=s.director, meeting_id=m.pk)
    assert result.cancelled == 1
    (message,) = _sent_to(s.professionals[2])
    cal = _calendar(message)
    assert cal["METHOD"] == "CANCEL"
    event = next(iter(cal.walk("VEVENT")))
    assert event.decoded("SEQUENCE") == 1
    assert str(event["UID"]) == Invitation.objects.get(meeting=m, user=s.professionals[2]).uid
    assert Invitation.objects.get(meeting=m, user=s.professionals[2]).status == InvitationStatus.CANCELLED


def test_cancelled_meeting_cancels_every_invitation(
    planned: tuple[World, Meeting, tuple[Case, Case, Case]],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    s, m, _cases = planned
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_set_status(actor=s.director, meeting_id=m.pk, status=MeetingStatus.CANCELLED)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        cal = _calendar(message)
        assert cal["METHOD"] == "CANCEL"
        assert next(iter(cal.walk("VEVENT"))).decoded("SEQUENCE") == 1
    assert not Invitation.objects.filter(meeting=m, status=InvitationStatus.INVITED).exists()


def test_sending_is_logged_per_case(planned: tuple[World, Meeting, tuple[Case, Case, Case]]) -> None:
    _s, _m, (first, second, third) = planned
    records = ProcessingRecord.objects.filter(object_type="invitation", activity_code="case-conference")
    assert set(records.values_list("case_id", flat=True)) == {first.pk, second.pk, third.pk}
    assert records.filter(purpose=first.purpose).exists()


def test_a_participant_who_left_the_case_gets_a_cancel(
    planned: tuple[World, Meeting, tuple[Case, Case, Case]],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    s, m, (_first, _second, third) = planned
    mail.outbox.clear()
    third.participants.update(ended_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    with django_capture_on_commit_callbacks(execute=True):
        result = invitations.invitations_send(actor=s.director, meeting_id=m.pk)
    assert (result.cancelled, result.unchanged) == (1, 2)
    (message,) = _sent_to(s.professionals[2])
    assert _calendar(message)["METHOD"] == "CANCEL"
    assert third.reference not in message.body + str(message.attachments[0][1])
