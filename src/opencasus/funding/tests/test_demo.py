from __future__ import annotations

from decimal import Decimal

import pytest

from opencasus.funding.demo import AMOUNT_CENTS, YEAR, example_key, load_demo_data
from opencasus.funding.models import CoFinancing, FundingYear, HouseShare, Inhabitants, InKind, RegionKey
from opencasus.funding.selectors import region_amounts
from opencasus.network.demo import load_network

pytestmark = pytest.mark.django_db


def test_the_example_key_adds_up_to_100_and_the_demo_loads_once() -> None:
    assert sum(example_key().values()) == Decimal(100)
    assert len(example_key()) == 25
    house, _logins = load_network()
    load_demo_data(house)
    load_demo_data(house)  # idempotent
    year = FundingYear.objects.get(year=YEAR)
    assert year.example_key
    assert RegionKey.objects.filter(funding_year=year).count() == 25
    assert sum(region_amounts(year).values()) == AMOUNT_CENTS
    assert HouseShare.objects.filter(split__region=house.region).count() == 2
    assert CoFinancing.objects.filter(house=house).count() == 3
    assert Inhabitants.objects.filter(year=YEAR).count() == 3
    assert InKind.objects.filter(house=house).count() == 2
