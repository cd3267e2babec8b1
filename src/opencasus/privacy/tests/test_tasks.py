"""The scheduled jobs and the management command."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.celery import app
from opencasus.logbook.models import ActivityCode, ProcessingRecord
from opencasus.network.tests.factories import HouseFactory
from opencasus.privacy import tasks
from opencasus.privacy.models import LogVerification, RetentionCategory, RetentionRun, VerificationTrigger
from opencasus.privacy.tests.factories import RetentionPolicyFactory, ended_case

pytestmark = pytest.mark.django_db


def test_both_jobs_are_on_the_beat_schedule() -> None:
    tasks_ = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {"opencasus.privacy.tasks.apply_retention", "opencasus.privacy.tasks.verify_processing_log"} <= tasks_


def test_command_dry_run_deletes_nothing_and_the_real_run_does() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.INTAKE_ADVICE, period_months=12)
    case = ended_case(house, Status.ADVICE_GIVEN, dt.date(2024, 2, 29))
    out = StringIO()
    call_command("apply_retention", "--dry-run", "--today", "2025-02-28", stdout=out)
    assert "dry run" in out.getvalue()
    assert case.reference in out.getvalue()
    assert Case.objects.filter(pk=case.pk).exists()
    call_command("apply_retention", "--today", "2025-02-27", stdout=StringIO())
    assert Case.objects.filter(pk=case.pk).exists()
    call_command("apply_retention", "--today", "2025-02-28", stdout=StringIO())
    assert not Case.objects.filter(pk=case.pk).exists()
    assert RetentionRun.objects.filter(house=house, dry_run=False).count() == 2
    with pytest.raises(CommandError):
        call_command("apply_retention", "--today", "morgen")


def test_retention_task_runs_for_every_house() -> None:
    house = HouseFactory.create()
    RetentionPolicyFactory.create(house=house, category=RetentionCategory.CASE_CLOSED, period_months=1)
    ended_case(house, Status.CLOSED, dt.date(2020, 1, 1))
    result = tasks.apply_retention.delay("2021-01-01").get()
    assert result[house.name] == {RetentionCategory.CASE_CLOSED: 1}


def test_verification_task_stores_the_outcome() -> None:
    house = HouseFactory.create()
    ended_case(house, Status.CLOSED, dt.date(2020, 1, 1))
    from opencasus.logbook.models import Action
    from opencasus.logbook.services import Who, record_processing

    record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                      who=Who(username="u"))
    result = tasks.verify_processing_log.delay().get()
    verification = LogVerification.objects.get()
    assert verification.trigger == VerificationTrigger.SCHEDULE
    assert verification.house is None
    assert result == {"chains": verification.chain_count, "records": ProcessingRecord.objects.count(), "problems": 0}
