"""The start page's signals show case references with deadlines: showing them is logged."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import Agreement
from opencasus.plans.tests.factories import World, in_days, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue() -> World:
    w = world()
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    Agreement.objects.filter(pk=agreement.pk).update(deadline=in_days(-3))  # passed its deadline
    return w


@pytest.mark.parametrize("who", ["owner", "director"])
def test_the_start_page_logs_the_overdue_cases_it_shows(
    overdue: World, who: str, verified_client: Callable[[User], Client],
) -> None:
    w = overdue
    user = getattr(w, who)
    last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    page = verified_client(user).get(reverse("core:start")).content.decode()
    assert w.case.reference in page
    records = list(ProcessingRecord.objects.filter(pk__gt=last, object_type="start-signals").select_related("audit"))
    assert [(r.house_id, r.action, r.data_subject, r.audit.user_id) for r in records] == [
        (w.house.pk, "view", "", user.pk)]


def test_nothing_shown_nothing_logged(overdue: World, verified_client: Callable[[User], Client]) -> None:
    w = overdue
    last = ProcessingRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    page = verified_client(w.outsider).get(reverse("core:start")).content.decode()
    assert w.case.reference not in page
    assert not ProcessingRecord.objects.filter(pk__gt=last, object_type="start-signals").exists()
