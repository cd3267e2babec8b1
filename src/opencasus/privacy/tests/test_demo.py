"""The demo: example values, labelled; a dry run and a real run on the demo data agree."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.logbook.verification import verify_all
from opencasus.network.demo import HOUSE_NAME
from opencasus.network.models import House
from opencasus.privacy import deletion
from opencasus.privacy.models import RetentionPolicy, RightsRequest
from opencasus.privacy.tests.factories import ended_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_house() -> House:
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent
    return House.objects.get(name=HOUSE_NAME)


def test_demo_ships_labelled_example_periods_and_one_request(demo_house: House) -> None:
    policies = RetentionPolicy.objects.filter(house=demo_house)
    assert policies.count() == 7
    assert all(p.is_example and "Voorbeeldwaarde" in p.source for p in policies)
    assert RightsRequest.objects.filter(house=demo_house).count() == 1


def test_dry_run_and_real_run_on_the_demo_data_agree(demo_house: House) -> None:
    today = timezone.localdate()
    # Ended cases across the categories, some expired on the run date and some not.
    for status, years_ago in [(Status.DECLINED, 2), (Status.ROUTED, 0), (Status.CLOSED, 6), (Status.CLOSED, 1),
                              (Status.ADVICE_GIVEN, 3)]:
        ended_case(demo_house, status, today - dt.timedelta(days=365 * years_ago + 1))
    run_date = today + dt.timedelta(days=365 * 7 + 30)  # the demo's log records expire too
    dry = deletion.run_retention(house=demo_house, today=run_date, dry_run=True)
    real = deletion.run_retention(house=demo_house, today=run_date, dry_run=False)
    due = [i for i in dry.items if i["due"]]
    assert due
    assert {k: v for k, v in dry.summary.items()} == real.summary
    assert sorted((i["category"], i["objectType"], i["objectId"]) for i in due) == sorted(
        (i["category"], i["objectType"], i["objectId"]) for i in real.items)
    assert not real.errors
    assert not Case.objects.filter(house=demo_house, status__in=[Status.DECLINED, Status.CLOSED]).exists()
    assert all(r.ok for r in verify_all())
