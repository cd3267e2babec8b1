from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.cases.workflow import Status
from opencasus.followup import services
from opencasus.followup.models import CheckBack, ClosureFeedback, Consultation, MonitoringPeriod
from opencasus.followup.services.check_backs import default_check_back_date
from opencasus.followup.tests.factories import FollowupWorld, make_followup_world
from opencasus.followup.vocabulary import CheckBackStatus, ConsultationStatus, LastCheckResult, MonitoringStatus
from opencasus.logbook.models import ProcessingRecord
from opencasus.notifications.models import Kind, Notification
from opencasus.plans import services as plans
from opencasus.plans.vocabulary import ClosureOutcome
from opencasus.triage import services as triage
from opencasus.triage.models import Outcome
from opencasus.triage.services import DecisionInput
from opencasus.triage.tests.factories import does_not_meet, intake

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[Any]]


@pytest.fixture
def w() -> FollowupWorld:
    return make_followup_world()


def test_a_routed_intake_gets_a_check_back_at_the_default_date(w: FollowupWorld) -> None:
    check_back = w.check_back
    assert check_back.status == CheckBackStatus.OPEN
    assert check_back.reason == "routed"
    assert check_back.receiver == "Veilig Thuis"
    assert check_back.due_date == default_check_back_date(timezone.localdate())
    assert check_back.due_date == timezone.localdate() + dt.timedelta(days=28)
    assert ProcessingRecord.objects.filter(object_type="check-back", action="create", case_id=w.routed.pk).exists()


def test_advice_gets_a_check_back_on_the_date_the_decision_names_and_decline_gets_none(w: FollowupWorld) -> None:
    advised, declined = intake(w.triage), intake(w.triage)
    day = timezone.localdate() + dt.timedelta(days=10)
    for case in (advised, declined):
        triage.assessment_save(actor=w.director, case_id=case.pk, data=does_not_meet())
    triage.decision_record(actor=w.director, case_id=advised.pk, notify_filer=False, data=DecisionInput(
        outcome=Outcome.ADVICE, grounds="Eén leefgebied.", advice="Schakel het wijkteam in.", check_back_date=day))
    triage.decision_record(actor=w.director, case_id=declined.pk, notify_filer=False, data=DecisionInput(
        outcome=Outcome.DECLINE, grounds="Geen veiligheidsprobleem."))
    assert CheckBack.objects.get(case=advised).due_date == day
    assert not CheckBack.objects.filter(case=declined).exists()


def test_a_check_back_date_before_the_decision_is_refused_and_nothing_is_decided(w: FollowupWorld) -> None:
    case = intake(w.triage)
    triage.assessment_save(actor=w.director, case_id=case.pk, data=does_not_meet())
    with pytest.raises(ValidationError) as info:
        triage.decision_record(actor=w.director, case_id=case.pk, notify_filer=False, data=DecisionInput(
            outcome=Outcome.ROUTE, grounds="Elders.", routed_to="zsm",
            check_back_date=timezone.localdate() - dt.timedelta(days=1)))
    assert "check_back_date" in info.value.message_dict
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE


def test_confirm_or_reopen_with_a_note(w: FollowupWorld) -> None:
    with pytest.raises(ValidationError) as info:
        services.check_back_resolve(actor=w.director, check_back_id=w.check_back.pk, status="reopened", note=" ",
                                    expected_version=1)
    assert "note" in info.value.message_dict
    reopened = services.check_back_resolve(actor=w.director, check_back_id=w.check_back.pk, status="reopened",
                                           note="Veilig Thuis pakt het niet op; nieuwe aanmelding volgt.",
                                           expected_version=1)
    assert reopened.status == CheckBackStatus.REOPENED
    assert reopened.resolved_by == w.director
    assert reopened.version == 2
    with pytest.raises(ValidationError) as transition:
        services.check_back_resolve(actor=w.director, check_back_id=w.check_back.pk, status="confirmed", note="",
                                    expected_version=2)
    assert transition.value.code == "invalid_transition"


def test_check_back_conflict_and_hidden(w: FollowupWorld) -> None:
    with pytest.raises(ValidationError) as info:
        services.check_back_reschedule(actor=w.director, check_back_id=w.check_back.pk,
                                       due_date=timezone.localdate(), expected_version=7)
    assert info.value.code == "conflict"
    for outsider in (w.triage.police_pro, w.officer, w.triage.filer):
        with pytest.raises(Http404):
            services.check_back_resolve(actor=outsider, check_back_id=w.check_back.pk, status="confirmed", note="",
                                        expected_version=None)
    assert CheckBack.objects.get(pk=w.check_back.pk).status == CheckBackStatus.OPEN


def test_closure_tells_the_filer_and_the_municipality_officer_the_outcome_only(
        w: FollowupWorld, django_capture_on_commit_callbacks: Capture) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.REGULAR_CARE,
                         handed_over_to=w.triage.police, note="Geheime toelichting over het gezin.")
    feedback = ClosureFeedback.objects.get(case=w.running)
    assert feedback.outcome == ClosureOutcome.REGULAR_CARE
    assert feedback.handed_over_to == w.triage.police
    told = set(Notification.objects.filter(kind=Kind.CASE_CLOSED).values_list("user_id", flat=True))
    assert told == {w.triage.filer.pk, w.officer.pk}  # not the officer of another municipality
    assert feedback.recipient_count == 2
    assert {m.to[0] for m in mail.outbox} == {w.triage.filer.email, w.officer.email}
    person = w.running.persons.get()
    for message in mail.outbox:
        assert w.running.reference in message.subject
        assert "Reguliere zorg heeft het overgenomen" in message.body
        assert "Geheime toelichting" not in message.body
        assert person.last_name not in message.body
    assert ProcessingRecord.objects.filter(object_type="closure-feedback", case_id=w.running.pk).exists()


def test_monitoring_after_closure_with_a_last_check(w: FollowupWorld) -> None:
    with pytest.raises(ValidationError) as running:
        services.monitoring_start(actor=w.director, case_id=w.running.pk, local_approach="PGA Delft",
                                  last_check_date=timezone.localdate() + dt.timedelta(days=90))
    assert running.value.code == "invalid_transition"
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.PARTLY_REACHED)
    with pytest.raises(ValidationError) as past:
        services.monitoring_start(actor=w.director, case_id=w.running.pk, local_approach="PGA Delft",
                                  last_check_date=timezone.localdate())
    assert "last_check_date" in past.value.message_dict
    period = services.monitoring_start(actor=w.director, case_id=w.running.pk,
                                       local_approach="Persoonsgerichte aanpak Delft",
                                       last_check_date=timezone.localdate() + dt.timedelta(days=90))
    assert period.municipality_id == w.running.municipality_id
    assert period.status == MonitoringStatus.RUNNING
    with pytest.raises(ValidationError):
        services.monitoring_start(actor=w.director, case_id=w.running.pk, local_approach="Nog eens",
                                  last_check_date=timezone.localdate() + dt.timedelta(days=30))
    later = services.monitoring_reschedule(actor=w.director, period_id=period.pk, expected_version=1,
                                           last_check_date=timezone.localdate() + dt.timedelta(days=120))
    checked = services.monitoring_last_check(actor=w.director, period_id=period.pk, result=LastCheckResult.STABLE,
                                             note="De lokale aanpak loopt; geen nieuwe meldingen.",
                                             expected_version=later.version)
    assert checked.status == MonitoringStatus.CHECKED
    assert checked.checked_by == w.director
    with pytest.raises(Http404):
        services.monitoring_last_check(actor=w.triage.police_pro, period_id=period.pk, result="stable", note="x",
                                       expected_version=None)
    assert MonitoringPeriod.objects.filter(case=w.running).count() == 1


def test_consultation_refuses_a_bsn_and_keeps_nothing(w: FollowupWorld) -> None:
    for text in ("Gaat het om 123456782?", "BSN 1234.56.782 woont in de wijk", "nummer 123 456 782"):
        with pytest.raises(ValidationError) as info:
            services.consultation_ask(actor=w.triage.police_pro, house_id=w.triage.house.pk,
                                      organisation_id=w.triage.police.pk, question=text)
        assert "question" in info.value.message_dict
        assert "BSN" in info.value.message_dict["question"][0]
    assert not Consultation.objects.exists()


def test_consultation_asked_and_advised(w: FollowupWorld) -> None:
    with pytest.raises(ValidationError) as wrong:
        services.consultation_ask(actor=w.triage.police_pro, house_id=w.triage.house.pk,
                                  organisation_id=w.triage.probation.pk, question="Mag dit?")
    assert "organisation" in wrong.value.message_dict
    asked = services.consultation_ask(
        actor=w.triage.police_pro, house_id=w.triage.house.pk, organisation_id=w.triage.police.pk,
        question="Een jongere (16) pleegt winkeldiefstallen en spijbelt; zijn er genoeg criteria? Tel 06-12345678.")
    assert asked.status == ConsultationStatus.OPEN
    with pytest.raises(Http404):
        services.consultation_advise(actor=w.triage.police_pro, consultation_id=asked.pk, advice="Zelf doen.",
                                     expected_version=1)
    with pytest.raises(ValidationError):
        services.consultation_advise(actor=w.director, consultation_id=asked.pk, advice="Zie 987654321.",
                                     expected_version=1)
    advised = services.consultation_advise(actor=w.director, consultation_id=asked.pk,
                                           advice="Eén keten volstaat: meld bij het ZSM-overleg.", expected_version=1)
    assert advised.status == ConsultationStatus.ANSWERED
    assert advised.version == 2
    records = ProcessingRecord.objects.filter(object_type="consultation", object_id=str(asked.pk))
    assert records.count() == 2
    assert set(records.values_list("data_subject", flat=True)) <= {""}


def test_a_filer_who_left_the_house_is_not_told(w: FollowupWorld) -> None:
    from opencasus.network.models import Membership

    Membership.objects.filter(user=w.triage.filer).update(ended_on=timezone.localdate())
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    told = set(Notification.objects.filter(kind=Kind.CASE_CLOSED).values_list("user_id", flat=True))
    assert told == {w.officer.pk}
