"""The reminder job as an operator runs it: today, or as of a given day."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from opencasus.plans import services
from opencasus.plans.models import Agreement
from opencasus.plans.tests.factories import in_days, world
from opencasus.plans.vocabulary import AgreementStatus

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_job_runs_as_of_a_later_date() -> None:
    w = world()
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Dossier opvragen",
                                          owner_organisation=w.police, deadline=in_days(3))
    assert "late marked: 0" in _run()
    assert "late marked: 1" in _run("--date", in_days(5).isoformat())
    assert Agreement.objects.get(pk=agreement.pk).status == AgreementStatus.LATE


def test_a_bad_date_is_refused() -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _run("--date", "5 december")
