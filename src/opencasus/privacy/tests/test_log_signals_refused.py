"""The signal for many refused attempts to open a case, and the privacy officer's list of attempts."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from opencasus.accounts.models import User
from opencasus.cases.tests.factories import CaseFactory
from opencasus.logbook.models import RefusedAccess
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.privacy import log_signals
from opencasus.privacy.models import PrivacySettings

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(dt.datetime(2025, 3, 12, 15, 0))


def attempt(user: User, case_id: int, house_id: int | None, moment: dt.datetime) -> None:
    RefusedAccess.objects.create(at=moment, user_id=user.pk, username=user.username, case_id=case_id,
                                 house_id=house_id)


@pytest.fixture
def house(settings: Settings) -> House:
    settings.OPENCASUS_REFUSED_ACCESS_COUNT = 3
    settings.OPENCASUS_REFUSED_ACCESS_WINDOW_MINUTES = 10
    house = HouseFactory.create()
    PrivacySettings.objects.create(house=house, look_back_days=7)
    return house


def test_many_refused_attempts_in_a_short_time(house: House) -> None:
    prober = member(house, Role.PARTNER_PROFESSIONAL)
    for minute in range(4):  # hidden cases of this house and numbers that do not exist, alike
        attempt(prober, 100 + minute, house.pk if minute % 2 else None, NOW - dt.timedelta(minutes=minute))
    slow = member(house, Role.PARTNER_PROFESSIONAL)
    for hour in range(6):  # as many attempts, but spread over hours
        attempt(slow, 200 + hour, house.pk, NOW - dt.timedelta(hours=hour))
    found = [s for s in log_signals.signals_for(house, house.privacy_settings, now=NOW) if s.kind == "refused-access"]
    assert [(s.user_id, s.count) for s in found] == [(prober.pk, 4)]


def test_attempts_elsewhere_are_not_this_house_s_signal(house: House) -> None:
    other = HouseFactory.create()
    outsider = member(other, Role.PARTNER_PROFESSIONAL)
    for minute in range(5):  # another house's cases, and missing numbers by someone who is not a member here
        attempt(outsider, 300 + minute, other.pk if minute % 2 else None, NOW - dt.timedelta(minutes=minute))
    assert [s for s in log_signals.signals_for(house, house.privacy_settings, now=NOW)
            if s.kind == "refused-access"] == []


def test_privacy_officer_sees_the_signal_and_the_attempts(
    house: House, verified_client: Callable[[User], Client],
) -> None:
    prober = member(house, Role.PARTNER_PROFESSIONAL)
    hidden = CaseFactory.create(house=house)
    client = verified_client(prober)
    for _ in range(2):
        assert client.get(f"/casussen/{hidden.pk}").status_code == 404
    for number in range(2):
        assert client.get(f"/api/v1/cases/{hidden.pk + 1000 + number}").status_code in {401, 403, 404}
        assert client.get(f"/casussen/{hidden.pk + 1000 + number}").status_code == 404
    assert RefusedAccess.objects.filter(user_id=prober.pk).count() >= 4
    officer = verified_client(member(house, Role.PRIVACY_OFFICER))
    page = officer.get(reverse("privacy:signals", args=[house.pk])).content.decode()
    assert "Veel geweigerde pogingen om een casus te openen" in page
    assert "Geweigerde pogingen om een casus te openen" in page
    assert prober.username in page
    assert str(hidden.pk) in page
    assert "bestaat niet" in page
    mine = officer.get(reverse("privacy:signals", args=[house.pk]), {"refused_user": prober.pk}).content.decode()
    assert mine.count(f"<td class=\"utrecht-table__cell\">{prober.username}</td>") >= 4
    other = officer.get(reverse("privacy:signals", args=[house.pk]), {"refused_user": prober.pk + 999}).content.decode()
    assert "Geen geweigerde pogingen in deze periode." in other
