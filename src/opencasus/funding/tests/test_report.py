"""The done-when of the funding register: € 7.7 million over a key for 25 regions gives each seat municipality its
share (exact to the cent), a region's split over two houses, and the cost per admitted case in the annual report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from opencasus.cases.workflow import Status
from opencasus.funding import report, selectors
from opencasus.funding.tests.factories import (
    NATIONAL_CENTS,
    cofinancing,
    funding_year,
    in_kind,
    inhabitants,
    key_shares,
    region_split,
)
from opencasus.network.models import Region, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member, municipality, region
from opencasus.reporting.tests.factories import at, triaged

pytestmark = pytest.mark.django_db


def test_seven_point_seven_million_over_25_regions_two_houses_and_the_cost_per_admitted_case() -> None:
    zhz = region("VR18")
    dordrecht = municipality("GM0505")
    zhz.seat_municipality = dordrecht
    zhz.save()
    shares = key_shares()
    funding_year(2026, NATIONAL_CENTS, shares)
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz, name="Locatie Gorinchem")
    region_split(2026, {house: Decimal("62.50"), second: Decimal("37.50")})
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)

    year = selectors.funding_year_get(actor=admin, year=2026)
    assert len(year.lines) == Region.objects.count() == 25
    assert sum(line.amount_cents or 0 for line in year.lines) == NATIONAL_CENTS  # exact to the cent
    for line in year.lines:  # each share within one cent of its exact value
        exact = Decimal(NATIONAL_CENTS) * shares[line.region.code] / 100
        assert abs(Decimal(line.amount_cents or 0) - exact) < 1
    vr18 = next(line for line in year.lines if line.region.code == "VR18")
    assert vr18.seat_municipality == dordrecht

    split = selectors.region_split_get(actor=admin, year=2026, code="VR18")
    assert split.region_cents == vr18.amount_cents
    amounts = {line.house.pk: line.amount_cents or 0 for line in split.lines}
    assert amounts[house.pk] + amounts[second.pk] == vr18.amount_cents
    assert abs(amounts[house.pk] - (vr18.amount_cents or 0) * Decimal("0.625")) < 1

    # Co-financing, hours in kind and six admitted cases of the year (and two intakes that were not admitted).
    cofinancing(house, dordrecht, method="per_inhabitant", cents=100)
    inhabitants(dordrecht, 121_000)
    cofinancing(house, municipality("GM0512"), method="fixed", cents=2_500_000)
    in_kind(house, OrganisationFactory.create(), hours="1200.0", rate_cents=7_500)
    for month in range(1, 7):
        triaged(house, at(2026, month, 3))
    triaged(house, at(2026, 8, 3), outcome=Status.DECLINED)
    triaged(house, at(2026, 9, 3), outcome=Status.ADVICE_GIVEN)
    triaged(house, at(2025, 6, 3))  # another year

    data = report.house_report(actor=admin, house_id=house.pk, year=2026)
    assert data.income[0].cents == amounts[house.pk]
    assert data.income_cents == amounts[house.pk] + 12_100_000 + 2_500_000
    assert data.in_kind_cents == 9_000_000
    assert data.intakes is not None
    assert data.intakes.value == 8
    assert data.admitted is not None
    assert data.admitted.value == 6
    total = amounts[house.pk] + 12_100_000 + 2_500_000 + 9_000_000
    assert data.total_cents == total
    assert data.cost_per_admitted_cents == int((Decimal(total) / 6).to_integral_value())
    assert data.cost_per_intake_cents == int((Decimal(total) / 8).to_integral_value())


def test_small_counts_are_suppressed_and_so_is_what_would_give_them_back() -> None:
    house = HouseFactory.create()
    funding_year(2026)
    molenlanden = municipality("GM1978")
    cofinancing(house, molenlanden, method="per_case", cents=25_000)
    triaged(house, at(2026, 3, 3), municipality=molenlanden)
    triaged(house, at(2026, 4, 3), municipality=molenlanden)
    manager = member(house, Role.HOUSE_MANAGER)
    data = report.house_report(actor=manager, house_id=house.pk, year=2026)
    assert data.admitted is not None
    assert data.admitted.suppressed
    assert data.intakes is not None
    assert data.intakes.suppressed
    per_case = next(r for r in data.income if r.key.startswith("cofinancing"))
    assert per_case.cents is None
    assert "5" in per_case.note
    assert data.income_cents is None
    assert data.total_cents is None
    assert data.cost_per_admitted_cents is None
    assert data.cost_per_intake_cents is None


def test_a_region_with_one_house_gives_it_everything_and_an_unsplit_region_nothing_yet() -> None:
    house = HouseFactory.create(region=region("VR05"))
    funding_year(2026)
    manager = member(house, Role.HOUSE_MANAGER)
    view = selectors.region_split_get(actor=manager, year=2026, code="VR05")
    assert view.decided
    assert view.lines[0].amount_cents == view.region_cents
    HouseFactory.create(region=house.region)
    view = selectors.region_split_get(actor=manager, year=2026, code="VR05")
    assert not view.decided
    assert all(line.amount_cents is None for line in view.lines)
    assert report.house_report(actor=manager, house_id=house.pk, year=2026).income[0].cents is None


def test_the_region_and_the_municipality_reports() -> None:
    zhz = region("VR18")
    dordrecht = municipality("GM0505")
    zhz.seat_municipality = dordrecht
    zhz.save()
    funding_year(2026)
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz)
    region_split(2026, {house: Decimal(50), second: Decimal(50)})
    cofinancing(house, dordrecht, method="fixed", cents=1_000_000)
    steering = member(house, Role.STEERING_GROUP_MEMBER)
    data = report.region_report(actor=steering, code="VR18", year=2026)
    assert [h.label for h in data.houses] == sorted([house.name, second.name])
    national = selectors.funding_year_get(actor=steering, year=2026)
    vr18 = next(line.amount_cents for line in national.lines if line.region.code == "VR18")
    assert data.income_cents == (vr18 or 0) + 1_000_000
    officer = member(house, Role.MUNICIPALITY_OFFICER, municipality=dordrecht)
    own = report.municipality_report(actor=officer, code="GM0505", year=2026)
    assert own.income_cents == 1_000_000
    assert own.notes
