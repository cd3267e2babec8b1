from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from opencasus.cases.workflow import Status
from opencasus.logbook.models import ProcessingRecord
from opencasus.meetings import services
from opencasus.meetings.models import AgendaItem, MeetingStatus
from opencasus.meetings.tests.factories import admitted_case, meeting, setting
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db


def test_meeting_create_validates_and_logs() -> None:
    s = setting()
    created = services.meeting_create(actor=s.director, house_id=s.house.pk, meeting_type=s.meeting_type,
                                      date=dt.date(2026, 12, 1), start_time=dt.time(9, 30),
                                      location="Zaal 1", chair=s.director, secretary=s.secretary)
    assert created.status == MeetingStatus.PLANNED
    assert ProcessingRecord.objects.filter(activity_code="case-conference", object_type="meeting",
                                           object_id=str(created.pk), action="create").exists()
    with pytest.raises(ValidationError) as error:
        services.meeting_create(actor=s.director, house_id=s.house.pk, meeting_type=s.meeting_type,
                                date=dt.date(2026, 12, 1), start_time=dt.time(9, 30), chair=s.professionals[0])
    assert "location" in error.value.message_dict
    assert "chair" in error.value.message_dict


def test_only_core_staff_of_the_house_plan_meetings() -> None:
    s = setting()
    with pytest.raises(Http404):
        services.meeting_create(actor=s.professionals[0], house_id=s.house.pk, meeting_type=s.meeting_type,
                                date=dt.date(2026, 12, 1), start_time=dt.time(9, 30), location="Zaal 1")


def test_meeting_update_refuses_a_stale_version() -> None:
    s = setting()
    m = meeting(s)
    services.meeting_update(actor=s.director, meeting_id=m.pk, expected_version=1,
                            changes=services.MeetingChanges(location="Zaal 3"))
    with pytest.raises(ValidationError) as error:
        services.meeting_update(actor=s.secretary, meeting_id=m.pk, expected_version=1,
                                changes=services.MeetingChanges(location="Zaal 4"))
    assert error.value.code == "conflict"
    m.refresh_from_db()
    assert m.location == "Zaal 3"


def test_agenda_item_add_takes_participants_and_checks_the_case() -> None:
    s = setting()
    m = meeting(s)
    case = admitted_case(s, [0, 1])
    item = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=case.pk)
    assert set(item.professionals.all()) == {s.professionals[0], s.professionals[1]}
    assert set(item.organisations.all()) == {s.organisations[0], s.organisations[1]}
    assert item.minutes == 20
    records = ProcessingRecord.objects.filter(object_type="agenda-item", case_id=case.pk)
    assert set(records.values_list("data_subject", flat=True)) == {str(p.pseudonym) for p in case.persons.all()}
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=case.pk)  # twice
    submitted = admitted_case(s, [0])
    submitted.status = Status.IN_TRIAGE
    submitted.save()
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=submitted.pk)
    other = setting()
    foreign = admitted_case(other, [0])
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=foreign.pk)
    with pytest.raises(ValidationError) as error:
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [0]).pk,
                                 professional_ids=[s.professionals[2].pk])
    assert "professionals" in error.value.message_dict
    assert AgendaItem.objects.filter(meeting=m).count() == 1


def test_slots_follow_each_other_and_reorder() -> None:
    s = setting()
    m = meeting(s)
    a = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [0]).pk, minutes=15)
    b = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [1]).pk, minutes=30)
    c = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [2]).pk)
    offsets = dict(AgendaItem.objects.filter(meeting=m).values_list("pk", "start_offset"))
    assert offsets == {a.pk: 0, b.pk: 15, c.pk: 45}
    services.agenda_item_move(actor=s.director, meeting_id=m.pk, item_id=c.pk, step=-1)
    assert list(AgendaItem.objects.filter(meeting=m).values_list("pk", flat=True)) == [a.pk, c.pk, b.pk]
    services.agenda_reorder(actor=s.director, meeting_id=m.pk, item_ids=[b.pk, a.pk, c.pk])
    offsets = dict(AgendaItem.objects.filter(meeting=m).values_list("pk", "start_offset"))
    assert offsets == {b.pk: 0, a.pk: 30, c.pk: 45}
    with pytest.raises(ValidationError):
        services.agenda_reorder(actor=s.director, meeting_id=m.pk, item_ids=[b.pk, a.pk])
    services.agenda_item_remove(actor=s.director, meeting_id=m.pk, item_id=b.pk)
    offsets = dict(AgendaItem.objects.filter(meeting=m).values_list("pk", "start_offset"))
    assert offsets == {a.pk: 0, c.pk: 15}


def test_agenda_optimise_clusters_and_reports_the_saving() -> None:
    s = setting(organisations=2)
    m = meeting(s)
    # Target group order alternates the two partners; clustering saves waiting time.
    for index, group in [(0, "A"), (1, "A"), (0, "B"), (1, "B"), (0, "C"), (1, "C")]:
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(
            s, [index], target_group=group).pk)
    comparison = services.agenda_optimise(actor=s.director, meeting_id=m.pk)
    assert comparison.current.total_minutes == 120  # each partner their own 3 x 20 minutes
    assert comparison.target_group.total_minutes > comparison.current.total_minutes
    assert comparison.saving_minutes > 0


def test_agenda_is_frozen_once_held_and_invitees_cannot_change_it() -> None:
    s = setting()
    m = meeting(s)
    case = admitted_case(s, [0])
    with pytest.raises(Http404):
        services.agenda_item_add(actor=s.professionals[0], meeting_id=m.pk, case_id=case.pk)
    services.meeting_set_status(actor=s.director, meeting_id=m.pk, status=MeetingStatus.HELD)
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=case.pk)
    with pytest.raises(ValidationError):
        services.meeting_set_status(actor=s.director, meeting_id=m.pk, status=MeetingStatus.CANCELLED)


def test_secretary_of_another_house_cannot_touch() -> None:
    s = setting()
    m = meeting(s)
    outsider = member(setting().house, Role.SECRETARY)
    with pytest.raises(Http404):
        services.meeting_update(actor=outsider, meeting_id=m.pk, changes=services.MeetingChanges(location="X"))
