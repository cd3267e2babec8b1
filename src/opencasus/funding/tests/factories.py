"""Data for the funding tests: a key for every region, years, splits, co-financing and hours in kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from opencasus.funding.models import CoFinancing, FundingYear, HouseShare, Inhabitants, InKind, RegionKey, RegionSplit
from opencasus.funding.money import split_cents
from opencasus.network.models import House, Municipality, Organisation, Region
from opencasus.network.tests.factories import region

NATIONAL_CENTS = 770_000_000  # € 7.700.000


def key_shares(weights: dict[str, int] | None = None) -> dict[str, Decimal]:
    """A positive share (four decimals) for every region, adding up to exactly 100: uneven on purpose, so that
    the split has remainders to hand out."""
    region()  # the reference data
    codes = list(Region.objects.order_by("number").values_list("code", flat=True))
    weights = weights or {code: 300 + 37 * i + (i * i) % 11 for i, code in enumerate(codes)}
    units = split_cents(1_000_000, {c: Decimal(weights[c]) for c in codes}, {c: i for i, c in enumerate(codes)})
    return {c: Decimal(n) / 10_000 for c, n in units.items()}


def funding_year(year: int = 2026, amount_cents: int = NATIONAL_CENTS,
                 shares: dict[str, Decimal] | None = None) -> FundingYear:
    shares = shares or key_shares()
    row = FundingYear.objects.create(year=year, amount_cents=amount_cents, amount_source="Rijksbijdrage",
                                     key_source="BVS (test)", key_year=year, example_key=True)
    regions = {r.code: r for r in Region.objects.all()}
    RegionKey.objects.bulk_create([RegionKey(funding_year=row, region=regions[c], share=s)
                                   for c, s in shares.items()])
    return row


def region_split(year: int, shares: dict[House, Decimal]) -> RegionSplit:
    house = next(iter(shares))
    split = RegionSplit.objects.create(year=year, region=house.region, decided_on=dt.date(year, 1, 10),
                                       reference="SG-1", text="Besluit van de stuurgroep.")
    HouseShare.objects.bulk_create([HouseShare(split=split, house=h, share=s) for h, s in shares.items()])
    return split


def cofinancing(house: House, municipality: Municipality, *, year: int = 2026, method: str = "fixed",
                cents: int = 1_000_000) -> CoFinancing:
    return CoFinancing.objects.create(house=house, municipality=municipality, year=year, method=method, cents=cents,
                                      agreement="Samenwerkingsovereenkomst")


def inhabitants(municipality: Municipality, count: int, year: int = 2026) -> Inhabitants:
    return Inhabitants.objects.create(municipality=municipality, year=year, count=count, source="CBS (test)")


def in_kind(house: House, organisation: Organisation, *, year: int = 2026, hours: str = "100.0",
            rate_cents: int = 7_500) -> InKind:
    return InKind.objects.create(house=house, organisation=organisation, year=year, hours=Decimal(hours),
                                 hourly_rate_cents=rate_cents)
