"""Reads of the funding register. Access from `opencasus.access.funding`; hidden answers 404 like missing.

The register holds amounts, shares and hours of organisations: no personal data, so no processing-log record
(as the house's caseload maximums)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import funding as access
from opencasus.funding.models import CoFinancing, FundingYear, HouseShare, Inhabitants, InKind, RegionSplit
from opencasus.funding.money import hours_value, split_cents
from opencasus.network.models import House, Municipality, Region

if TYPE_CHECKING:
    from opencasus.accounts.models import User

FIRST_YEAR, LAST_YEAR = 2000, 2100


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404


@dataclass(frozen=True)
class RegionLine:
    region: Region
    seat_municipality: Municipality | None
    share: Decimal | None
    amount_cents: int | None


@dataclass(frozen=True)
class YearView:
    year: int
    row: FundingYear | None
    lines: list[RegionLine]
    may_edit: bool

    @property
    def version(self) -> int:
        return self.row.version if self.row else 0

    @property
    def total_cents(self) -> int:
        return sum(line.amount_cents or 0 for line in self.lines)


def region_amounts(row: FundingYear | None) -> dict[int, int]:
    """The national amount of a year per region id (largest remainder over the key)."""
    if row is None:
        return {}
    keys = list(row.keys.select_related("region"))
    return split_cents(row.amount_cents, {k.region_id: k.share for k in keys},
                       {k.region_id: k.region.number for k in keys})


def funding_year_list(*, actor: User) -> list[FundingYear]:
    access.require_funding(actor)
    return list(FundingYear.objects.order_by("-year"))


def funding_year_get(*, actor: User, year: int) -> YearView:
    """The year's national contribution, its key, and the share of each region's seat municipality. A year not
    set yet reads as version 0 without amounts."""
    access.require_funding(actor)
    check_year(year)
    row = FundingYear.objects.filter(year=year).first()
    shares = {k.region_id: k.share for k in row.keys.all()} if row else {}
    amounts = region_amounts(row)
    lines = [RegionLine(r, r.seat_municipality, shares.get(r.pk), amounts.get(r.pk))
             for r in Region.objects.select_related("seat_municipality").order_by("number")]
    return YearView(year, row, lines, access.can_edit_funding_key(actor))


@dataclass(frozen=True)
class HouseLine:
    house: House
    share: Decimal | None
    amount_cents: int | None


@dataclass(frozen=True)
class SplitView:
    year: int
    region: Region
    region_cents: int | None
    split: RegionSplit | None
    lines: list[HouseLine]
    may_edit: bool

    @property
    def version(self) -> int:
        return self.split.version if self.split else 0

    @property
    def decided(self) -> bool:
        """Whether the houses' amounts are known: by a recorded split, or because the region has one house."""
        return self.split is not None or len(self.lines) == 1


def region_get(*, code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404
    return region


def house_amounts(year: int, region: Region, region_cents: int | None) -> tuple[RegionSplit | None, list[HouseLine]]:
    """The region's amount over its houses: by the recorded split, or all of it for a region with one house."""
    houses = list(House.objects.filter(region=region).order_by("name"))
    split = RegionSplit.objects.filter(year=year, region=region).first()
    if split is not None:
        shares = {s.house_id: s.share for s in HouseShare.objects.filter(split=split)}
    elif len(houses) == 1:
        shares = {houses[0].pk: Decimal(100)}
    else:
        shares = {}
    amounts: dict[int, int] = {}
    if region_cents is not None and shares:
        amounts = split_cents(region_cents, shares, {h.pk: i for i, h in enumerate(houses)})
    return split, [HouseLine(h, shares.get(h.pk), amounts.get(h.pk)) for h in houses]


def region_split_get(*, actor: User, year: int, code: str) -> SplitView:
    check_year(year)
    region = region_get(code=code)
    access.require_region(actor, region.pk)
    row = FundingYear.objects.filter(year=year).first()
    region_cents = region_amounts(row).get(region.pk)
    split, lines = house_amounts(year, region, region_cents)
    return SplitView(year, region, region_cents, split, lines, region.pk in access.region_edit_ids(actor))


@dataclass(frozen=True)
class CoFinancingLine:
    row: CoFinancing
    inhabitants: Inhabitants | None
    # Per intake: filled in by the annual report, which counts the intakes (and suppresses them).
    amount_cents: int | None


@dataclass(frozen=True)
class InKindLine:
    row: InKind
    value_cents: int


@dataclass
class HouseFundingView:
    house: House
    year: int
    cofinancing: list[CoFinancingLine] = field(default_factory=list)
    in_kind: list[InKindLine] = field(default_factory=list)
    may_edit: bool = False


def cofinancing_amount(row: CoFinancing, inhabitants: Inhabitants | None, intakes: int | None) -> int | None:
    """What a co-financing agreement comes to: None while its basis (inhabitants, intakes) is not known."""
    if row.method == "fixed":
        return row.cents
    if row.method == "per_inhabitant":
        return row.cents * inhabitants.count if inhabitants else None
    return row.cents * intakes if intakes is not None else None


def inhabitants_for(municipality_ids: set[int], year: int) -> dict[int, Inhabitants]:
    return {i.municipality_id: i for i in Inhabitants.objects.filter(municipality_id__in=municipality_ids, year=year)}


def house_get(*, house_id: int) -> House:
    house = House.objects.select_related("region").filter(pk=house_id).first()
    if house is None:
        raise Http404
    return house


def house_funding_get(*, actor: User, house_id: int, year: int) -> HouseFundingView:
    """A house's co-financing agreements and contributions in kind of one year (amounts per intake stay open:
    the annual report counts them)."""
    check_year(year)
    access.require_house(actor, house_id)
    house = house_get(house_id=house_id)
    rows = list(CoFinancing.objects.filter(house=house, year=year).select_related("municipality")
                .order_by("municipality__name"))
    people = inhabitants_for({r.municipality_id for r in rows}, year)
    view = HouseFundingView(house, year, may_edit=access.may_edit_house(actor, house_id))
    view.cofinancing = [CoFinancingLine(r, people.get(r.municipality_id),
                                        None if r.method == "per_case" else
                                        cofinancing_amount(r, people.get(r.municipality_id), None)) for r in rows]
    view.in_kind = [InKindLine(r, hours_value(r.hours, r.hourly_rate_cents))
                    for r in InKind.objects.filter(house=house, year=year).select_related("organisation")
                    .order_by("organisation__name")]
    return view


def cofinancing_get(*, actor: User, cofinancing_id: int) -> CoFinancing:
    row = CoFinancing.objects.select_related("municipality", "house").filter(pk=cofinancing_id).first()
    if row is None or row.house_id not in access.house_read_ids(actor):
        raise Http404
    return row


def cofinancing_list(*, actor: User, year: int | None = None) -> list[CoFinancing]:
    qs = CoFinancing.objects.filter(house_id__in=access.house_read_ids(actor)).select_related("municipality")
    if year is not None:
        qs = qs.filter(year=year)
    return list(qs.order_by("-year", "house_id", "municipality__name"))


def in_kind_get(*, actor: User, in_kind_id: int) -> InKind:
    row = InKind.objects.select_related("organisation", "house").filter(pk=in_kind_id).first()
    if row is None or row.house_id not in access.house_read_ids(actor):
        raise Http404
    return row


def in_kind_list(*, actor: User, year: int | None = None) -> list[InKind]:
    qs = InKind.objects.filter(house_id__in=access.house_read_ids(actor)).select_related("organisation")
    if year is not None:
        qs = qs.filter(year=year)
    return list(qs.order_by("-year", "house_id", "organisation__name"))


def inhabitants_list(*, actor: User, year: int) -> list[Inhabitants]:
    access.require_funding(actor)
    check_year(year)
    return list(Inhabitants.objects.filter(year=year).select_related("municipality").order_by("municipality__name"))


def municipality_get(*, code: str) -> Municipality:
    municipality = Municipality.objects.select_related("region").filter(code=code).first()
    if municipality is None:
        raise Http404
    return municipality


def editable_houses(*, actor: User) -> list[House]:
    """Houses whose co-financing and contribution in kind the actor may edit (for the forms' choices)."""
    return [h for h in House.objects.filter(pk__in=access.house_read_ids(actor)).order_by("name")
            if access.may_edit_house(actor, h.pk)]


def municipality_choices() -> QuerySet[Municipality]:
    return Municipality.objects.filter(active=True).order_by("name")


def region_list() -> list[Region]:
    return list(Region.objects.order_by("number"))


def house_organisations(*, house: House) -> list[tuple[int, str]]:
    """The house's partner organisations (for the contribution in kind)."""
    from opencasus.network.models import Partnership

    return list(Partnership.objects.filter(house=house).order_by("organisation__name")
                .values_list("organisation_id", "organisation__name").distinct())


def houses_for(*, actor: User) -> list[House]:
    """Houses whose funding the actor may read (for the index page)."""
    return list(House.objects.filter(pk__in=access.house_read_ids(actor)).order_by("name"))


def municipalities_for(*, actor: User) -> list[Municipality]:
    return list(Municipality.objects.filter(pk__in=access.municipality_read_ids(actor)).order_by("name"))


def report_regions_for(*, actor: User) -> list[Region]:
    return list(Region.objects.filter(pk__in=access.region_report_ids(actor)).order_by("number"))
