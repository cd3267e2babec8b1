from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.meetings import minutes
from opencasus.meetings.minutes import DecisionInput
from opencasus.meetings.models import Decision, Invitation, Minutes, MinutesStatus, SelfReport
from opencasus.meetings.tests.conftest import World
from opencasus.plans.models import Agreement

pytestmark = pytest.mark.django_db

SOON = dt.date.today() + dt.timedelta(days=17)
LATER = dt.date.today() + dt.timedelta(days=19)


@pytest.fixture
def world(world: World) -> World:
    """The meeting of the shared world, moved to yesterday: minutes and attendance follow a meeting."""
    world.meeting.date = dt.date.today() - dt.timedelta(days=1)
    world.meeting.save(update_fields=["date"])
    return world


def _save(
    world: World, actor: User, version: int | None = None, decisions: Sequence[DecisionInput] | None = None,
) -> Minutes:
    s = world.s
    if decisions is None:
        decisions = [DecisionInput("Politie voert een stopgesprek", s.organisations[0].pk, s.professionals[0].pk, SOON)]
    return minutes.minutes_save(actor=actor, meeting_id=world.meeting.pk, item_id=world.own.pk,
                                picture_forming="Signalen van drie partners.", judgement="Hoog risico.",
                                decisions=decisions, expected_version=version)


def test_secretary_writes_chair_approves_then_read_only(world: World) -> None:
    s = world.s
    record = _save(world, s.secretary)
    assert record.status == MinutesStatus.DRAFT
    assert Decision.objects.filter(minutes=record).count() == 1
    record = _save(world, s.secretary, version=1, decisions=[
        DecisionInput("Stopgesprek", s.organisations[0].pk, None, SOON),
        DecisionInput("Huisbezoek", s.organisations[1].pk, s.professionals[1].pk, LATER)])
    assert record.version == 2
    assert list(Decision.objects.filter(minutes=record).values_list("description", flat=True)) == [
        "Stopgesprek", "Huisbezoek"]
    with pytest.raises(PermissionDenied):
        minutes.minutes_approve(actor=s.secretary, meeting_id=world.meeting.pk, item_id=world.own.pk)
    approved = minutes.minutes_approve(actor=s.director, meeting_id=world.meeting.pk, item_id=world.own.pk,
                                       expected_version=2)
    assert approved.status == MinutesStatus.APPROVED
    assert approved.approved_by == s.director
    with pytest.raises(ValidationError) as error:
        _save(world, s.secretary)
    assert error.value.code == "approved"
    with pytest.raises(ValidationError):
        minutes.minutes_approve(actor=s.director, meeting_id=world.meeting.pk, item_id=world.own.pk)
    records = ProcessingRecord.objects.filter(object_type="minutes", case_id=world.own.case_id)
    assert records.filter(action="update").count() == 3 * world.own.case.persons.count()


def test_concurrent_minutes_edit_is_a_conflict(world: World) -> None:
    s = world.s
    _save(world, s.secretary)
    _save(world, s.director, version=1)
    with pytest.raises(ValidationError) as error:
        _save(world, s.secretary, version=1)
    assert error.value.code == "conflict"


def test_decisions_are_validated_and_nothing_is_half_written(world: World) -> None:
    s = world.s
    with pytest.raises(ValidationError) as error:
        _save(world, s.secretary, decisions=[DecisionInput("Iets", s.organisations[2].pk)])
    assert "decisions" in error.value.message_dict
    assert not Decision.objects.exists()


def test_invitees_cannot_write_minutes(world: World) -> None:
    with pytest.raises(Http404):
        _save(world, world.s.professionals[0])


def test_without_a_chair_a_process_director_approves(world: World) -> None:
    world.meeting.chair = None
    world.meeting.save()
    _save(world, world.s.secretary)
    with pytest.raises(PermissionDenied):
        minutes.minutes_approve(actor=world.s.secretary, meeting_id=world.meeting.pk, item_id=world.own.pk)
    minutes.minutes_approve(actor=world.s.director, meeting_id=world.meeting.pk, item_id=world.own.pk)


def test_decisions_become_agreements_in_the_plan_once_approved(world: World) -> None:
    s = world.s
    deadline = dt.date.today() + dt.timedelta(days=14)
    record = _save(world, s.secretary, decisions=[
        DecisionInput("Politie voert een stopgesprek", s.organisations[0].pk, s.professionals[0].pk, deadline),
        DecisionInput("Zonder eigenaar")])
    first, second = Decision.objects.filter(minutes=record)
    with pytest.raises(ValidationError) as error:
        minutes.decision_to_agreement(actor=s.director, decision_id=first.pk)
    assert error.value.code == "not_approved"
    minutes.minutes_approve(actor=s.director, meeting_id=world.meeting.pk, item_id=world.own.pk)
    with pytest.raises(Http404):
        minutes.decision_to_agreement(actor=s.professionals[0], decision_id=first.pk)
    decision = minutes.decision_to_agreement(actor=s.secretary, decision_id=first.pk)
    assert decision.agreement_id is not None
    agreement = Agreement.objects.get(pk=decision.agreement_id)
    assert agreement.case_id == world.own.case_id
    assert agreement.description == "Politie voert een stopgesprek"
    assert (agreement.owner_organisation, agreement.owner_user, agreement.deadline) == (
        s.organisations[0], s.professionals[0], deadline)
    assert agreement.source == f"meeting:{world.meeting.pk}"
    with pytest.raises(ValidationError) as error:
        minutes.decision_to_agreement(actor=s.director, decision_id=first.pk)
    assert error.value.code == "exists"
    with pytest.raises(ValidationError) as error:
        minutes.decision_to_agreement(actor=s.director, decision_id=second.pk)
    assert error.value.code == "incomplete"
    assert Agreement.objects.count() == 1


def test_attendance_per_invitee(world: World) -> None:
    s = world.s
    invitation = Invitation.objects.create(meeting=world.meeting, user=s.professionals[0])
    minutes.attendance_record(actor=s.secretary, meeting_id=world.meeting.pk, attended={s.professionals[0].pk: True})
    invitation.refresh_from_db()
    assert invitation.attended is True
    with pytest.raises(ValidationError):
        minutes.attendance_record(actor=s.secretary, meeting_id=world.meeting.pk,
                                  attended={s.professionals[2].pk: True})
    with pytest.raises(Http404):
        minutes.attendance_record(actor=s.professionals[0], meeting_id=world.meeting.pk, attended={})


def test_self_report(world: World) -> None:
    s = world.s
    report = minutes.self_report_create(actor=s.director, case_id=world.own.case_id, meeting_id=world.meeting.pk,
                                        kind="conference", goals_score=3, cooperation_score=4, note="Goed overleg")
    assert (report.goals_score, report.cooperation_score, report.reported_by) == (3, 4, s.director)
    evaluation = minutes.self_report_create(actor=s.director, case_id=world.own.case_id, kind="evaluation",
                                            goals_score=5, cooperation_score=5)
    assert evaluation.meeting is None
    with pytest.raises(ValidationError) as error:
        minutes.self_report_create(actor=s.director, case_id=world.own.case_id, kind="conference",
                                   goals_score=6, cooperation_score=0)
    assert {"goals_score", "cooperation_score", "meeting"} <= set(error.value.message_dict)
    with pytest.raises(Http404):
        minutes.self_report_create(actor=s.professionals[0], case_id=world.own.case_id, kind="evaluation",
                                   goals_score=3, cooperation_score=3)
    assert SelfReport.objects.count() == 2
    assert ProcessingRecord.objects.filter(object_type="self-report", action="create").exists()


def _to_future(world: World) -> None:
    world.meeting.date = dt.date.today() + dt.timedelta(days=2)
    world.meeting.save(update_fields=["date"])


def test_no_minutes_for_a_meeting_still_to_come(world: World) -> None:
    _to_future(world)
    with pytest.raises(ValidationError) as error:
        _save(world, world.s.secretary)
    assert error.value.code == "not_started"
    assert "nog niet plaatsgevonden" in error.value.messages[0]
    assert not Decision.objects.exists()


def test_no_attendance_for_a_meeting_still_to_come_or_cancelled(world: World) -> None:
    s = world.s
    invitation = Invitation.objects.create(meeting=world.meeting, user=s.professionals[0])
    _to_future(world)
    with pytest.raises(ValidationError) as error:
        minutes.attendance_record(actor=s.secretary, meeting_id=world.meeting.pk,
                                  attended={s.professionals[0].pk: True})
    assert error.value.code == "not_started"
    world.meeting.date = dt.date.today() - dt.timedelta(days=1)
    world.meeting.status = "cancelled"
    world.meeting.save(update_fields=["date", "status"])
    with pytest.raises(ValidationError) as error:
        minutes.attendance_record(actor=s.secretary, meeting_id=world.meeting.pk,
                                  attended={s.professionals[0].pk: True})
    assert error.value.code == "cancelled"
    invitation.refresh_from_db()
    assert invitation.attended is None


def test_a_decision_with_a_past_deadline_is_refused_when_written(world: World) -> None:
    s = world.s
    yesterday = dt.date.today() - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        _save(world, s.secretary, decisions=[DecisionInput("Huisbezoek", s.organisations[0].pk, None, yesterday)])
    assert "verleden" in error.value.message_dict["decisions"][0]
    assert not Decision.objects.exists()


def test_the_process_director_corrects_a_passed_deadline_so_it_can_become_an_agreement(world: World) -> None:
    s = world.s
    record = _save(world, s.secretary)
    minutes.minutes_approve(actor=s.director, meeting_id=world.meeting.pk, item_id=world.own.pk)
    decision = Decision.objects.get(minutes=record)
    Decision.objects.filter(pk=decision.pk).update(deadline=dt.date.today() - dt.timedelta(days=3))  # time passed
    with pytest.raises(ValidationError):
        minutes.decision_to_agreement(actor=s.director, decision_id=decision.pk)
    with pytest.raises(PermissionDenied):
        minutes.decision_deadline_correct(actor=s.secretary, decision_id=decision.pk, deadline=SOON)
    with pytest.raises(Http404):
        minutes.decision_deadline_correct(actor=s.professionals[0], decision_id=decision.pk, deadline=SOON)
    with pytest.raises(ValidationError):
        minutes.decision_deadline_correct(actor=s.director, decision_id=decision.pk,
                                          deadline=dt.date.today() - dt.timedelta(days=1))
    minutes.decision_deadline_correct(actor=s.director, decision_id=decision.pk, deadline=SOON)
    decision = minutes.decision_to_agreement(actor=s.director, decision_id=decision.pk)
    assert decision.agreement_id is not None
    assert Agreement.objects.get(pk=decision.agreement_id).deadline == SOON
    with pytest.raises(ValidationError) as error:
        minutes.decision_deadline_correct(actor=s.director, decision_id=decision.pk, deadline=LATER)
    assert "deadline" in error.value.message_dict
