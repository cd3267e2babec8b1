"""`manage.py load_demo`: the demo for every role, a realistic week, and a console that shows the logins only."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.meetings.models import Meeting
from opencasus.network.demo import HOUSE_NAME
from opencasus.network.models import Municipality, Region
from opencasus.network.reference import load_reference_data
from opencasus.plans.models import Agreement, Escalation
from opencasus.plans.vocabulary import AgreementStatus, EscalationStatus

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
def test_load_demo_prints_the_logins_and_a_realistic_week(capsys: pytest.CaptureFixture[str]) -> None:
    load_reference_data(Region, Municipality)  # an earlier committing test on this worker may have emptied it
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue() + capsys.readouterr().out
    assert "Subject:" not in printed
    assert "From:" not in printed  # no e-mails on the console
    lines = printed.strip().splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("username"))) + 1:]
    assert len(lines) == len(table) + 6  # a heading, the password, two lines on the second factor, a blank line
    usernames = {line.split()[0] for line in table}
    assert {"partner.jeugdzorg", "partner.ggz", "partner.veiligthuis"} <= usernames

    house_cases = Case.objects.filter(house__name=HOUSE_NAME)
    assert set(house_cases.values_list("status", flat=True)) == set(Status.values)  # cases in every state
    today = timezone.localdate()
    assert Meeting.objects.filter(house__name=HOUSE_NAME, date=today, agenda_items__isnull=False).exists()
    assert Agreement.objects.filter(case__house__name=HOUSE_NAME, status=AgreementStatus.LATE,
                                    deadline__lt=today).exists()
    assert Escalation.objects.filter(case__house__name=HOUSE_NAME, status=EscalationStatus.OPEN).exists()
    for username in ("partner.jeugdzorg", "partner.ggz", "partner.veiligthuis"):  # each works in a case
        assert house_cases.filter(participants__user__username=username, status=Status.ADMITTED).exists(), username

    counts = {status: house_cases.filter(status=status).count() for status in Status.values}
    call_command("load_demo", stdout=io.StringIO())  # idempotent
    assert {status: house_cases.filter(status=status).count() for status in Status.values} == counts
    assert Meeting.objects.filter(house__name=HOUSE_NAME, date=today).count() == 1
