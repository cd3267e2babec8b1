from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from opencasus.core.start import start_sections
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import Agreement, Plan, ReminderSent
from opencasus.plans.services.monitoring import send_reminders
from opencasus.plans.tests.factories import World, in_days, world
from opencasus.plans.vocabulary import AgreementStatus

pytestmark = pytest.mark.django_db


def _overdue(w: World, **kwargs: Any) -> Agreement:
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Dossier opvragen",
                                          owner_organisation=w.police, deadline=in_days(3), **kwargs)
    Agreement.objects.filter(pk=agreement.pk).update(deadline=in_days(-2))  # time passes
    return agreement


def test_overdue_agreement_turns_late_and_reminds_owner_and_director_once_a_day() -> None:
    w = world()
    agreement = _overdue(w, owner_user=w.owner)
    report = send_reminders()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.LATE
    assert agreement.version == 2
    assert report.marked_late == 1
    assert report.emails == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["owner@example.invalid", "regie@example.invalid"]
    body = mail.outbox[0].body
    assert w.case.reference in body
    assert f"/afspraken/{agreement.pk}" in body
    assert "Dossier opvragen" not in body  # the content stays behind the login
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="reminder", action="export").exists()
    assert ProcessingRecord.objects.filter(object_type="agreement", action="update",
                                           audit__username="system:plan-monitoring").exists()
    again = send_reminders()
    assert again.emails == 0
    assert len(mail.outbox) == 2
    assert again.skipped == 2
    assert ReminderSent.objects.count() == 2
    tomorrow = send_reminders(today=in_days(1))
    assert tomorrow.emails == 2


def test_without_named_owner_the_organisations_participants_are_reminded() -> None:
    w = world()
    _overdue(w)
    send_reminders()
    recipients = {m.to[0] for m in mail.outbox}
    assert w.owner.email in recipients
    assert w.colleague.email in recipients
    assert w.participant.email not in recipients


def test_done_and_closed_cases_are_not_reminded() -> None:
    w = world()
    agreement = _overdue(w, owner_user=w.owner)
    Agreement.objects.filter(pk=agreement.pk).update(status=AgreementStatus.DONE)
    assert send_reminders().emails == 0


def test_due_evaluation_is_reminded_and_signalled() -> None:
    w = world()
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None, director_organisation=w.police,
                         director_user=w.owner, evaluation_date=in_days(1))
    Plan.objects.filter(case=w.case).update(evaluation_date=in_days(-1))
    send_reminders()
    assert {m.to[0] for m in mail.outbox} == {w.director.email, w.owner.email}
    assert "Evaluatie" in mail.outbox[0].body
    titles = [s.title for s in start_sections(w.director)]
    assert "Evaluaties die nodig zijn" in titles


def test_start_page_signals_overdue_for_owner_and_process_director_only() -> None:
    w = world()
    _overdue(w, owner_user=w.owner)
    assert "Mijn afspraken over de deadline" in [s.title for s in start_sections(w.owner)]
    assert "Afspraken over de deadline in het huis" in [s.title for s in start_sections(w.director)]
    for user in (w.participant, w.outsider, w.manager, w.other_house_director):
        titles = [s.title for s in start_sections(user)]
        assert "Mijn afspraken over de deadline" not in titles
        assert "Afspraken over de deadline in het huis" not in titles


def test_management_command_runs_the_task_inline() -> None:
    w = world()
    _overdue(w, owner_user=w.owner)
    out = open("/dev/null", "w")  # noqa: SIM115
    call_command("send_reminders", stdout=out)
    assert len(mail.outbox) == 2
    call_command("send_reminders", stdout=out)
    assert len(mail.outbox) == 2
