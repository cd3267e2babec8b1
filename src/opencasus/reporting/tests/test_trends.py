import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.access.reporting import house_scope
from opencasus.accounts.models import User
from opencasus.cases.tests.factories import CaseFactory
from opencasus.network.models import House, TargetGroup
from opencasus.network.tests.factories import HouseFactory, member, municipality
from opencasus.reporting.selectors.trends import trends_for
from opencasus.reporting.stats import poisson_test
from opencasus.reporting.tests.factories import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(db: None) -> tuple[House, User]:
    """Twelve months with 4 domestic-violence intakes a month, then 15 in January 2026; youth stays at 5."""
    house = HouseFactory.create()
    manager = member(house, "house_manager")
    violence = TargetGroup.objects.create(house=house, name="Huiselijk geweld")
    youth = TargetGroup.objects.create(house=house, name="Jeugd")
    dordrecht, gorinchem = municipality("GM0505"), municipality("GM0512")
    for month in range(12):
        year, m = (2025, month + 1)
        for i in range(4):
            CaseFactory.create(house=house, target_group=violence, municipality=dordrecht, filed_at=at(year, m, 2 + i))
        for i in range(5):
            CaseFactory.create(house=house, target_group=youth, municipality=gorinchem, filed_at=at(year, m, 10 + i))
    for i in range(15):
        CaseFactory.create(house=house, target_group=violence, municipality=dordrecht, filed_at=at(2026, 1, 3 + i))
    for i in range(6):
        CaseFactory.create(house=house, target_group=youth, municipality=gorinchem, filed_at=at(2026, 1, 20 + i))
    return house, manager


def test_a_significant_rise_is_signalled(history: tuple[House, User]) -> None:
    house, manager = history
    report = trends_for(house_scope(actor=manager, house_id=house.pk), month=dt.date(2026, 1, 1))
    assert report.enough_history
    assert report.history_months == 12
    rows = {(r.dimension, r.label): r for r in report.rows}
    violence = rows[("theme", "Huiselijk geweld")]
    assert violence.signal
    assert violence.direction == "up"
    assert violence.last_count.value == 15
    assert violence.history_mean == 4.0
    assert violence.p_value == pytest.approx(poisson_test(15, 4.0).p_value, abs=1e-6)
    assert not rows[("theme", "Jeugd")].signal  # 6 against 5
    assert rows[("municipality", "Dordrecht")].signal
    assert not rows[("municipality", "Gorinchem")].signal
    assert [r.label for r in report.signals] == ["Dordrecht", "Huiselijk geweld"]


def test_too_little_history_gives_no_signal(history: tuple[House, User]) -> None:
    house, manager = history
    report = trends_for(house_scope(actor=manager, house_id=house.pk), month=dt.date(2025, 5, 1))
    assert not report.enough_history
    assert report.history_months == 4
    assert not report.signals
    assert all(r.p_value is None for r in report.rows)


def test_trend_page(history: tuple[House, User], verified_client: Callable[[User], Client]) -> None:
    house, manager = history
    html = verified_client(manager).get(reverse("reporting:trends", args=[house.pk]),
                                        {"month": "2026-01"}).content.decode()
    assert "Huiselijk geweld: meer aanmeldingen dan gebruikelijk" in html
    assert "tweezijdige exacte Poissontoets" in html
    html = verified_client(manager).get(reverse("reporting:trends", args=[house.pk]), {"month": "jan"}).content.decode()
    assert "Kies een maand als JJJJ-MM." in html
