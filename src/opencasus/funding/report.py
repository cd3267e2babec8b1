"""The annual funding report of a house, a municipality or a region: income by source, the contribution in
kind, and the cost per intake and per admitted case.

The counts come from the management information (`reporting.summary`, `reporting.sources`: the same figures as
the dashboard, deleted cases included) and pass `core.aggregates.suppress` with the house's threshold. A money
figure that would give a suppressed count back (co-financing per intake, a cost per case) is withheld too, and
so is every total it is part of. No case and no person is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from opencasus.access import funding as access
from opencasus.core.aggregates import Count, suppress
from opencasus.funding import selectors
from opencasus.funding.models import CoFinancing, FundingYear, InKind, Method
from opencasus.funding.money import format_euros, hours_value, per_unit
from opencasus.network.models import House, Municipality, Region
from opencasus.reporting import monthly, sources, summary
from opencasus.reporting.selectors.period import year_period

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass(frozen=True)
class MoneyRow:
    key: str
    label: str
    cents: int | None  # None: withheld or not known (see note)
    note: str = ""
    hours: Decimal | None = None


@dataclass
class FundingReport:
    kind: str  # "house" | "municipality" | "region"
    key: str
    label: str
    year: int
    threshold: int
    income: list[MoneyRow] = field(default_factory=list)
    in_kind: list[MoneyRow] = field(default_factory=list)
    houses: list[FundingReport] = field(default_factory=list)  # a region: each house's own report
    intakes: Count | None = None
    admitted: Count | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def income_cents(self) -> int | None:
        return _total(self.income)

    @property
    def in_kind_cents(self) -> int | None:
        return _total(self.in_kind)

    @property
    def total_cents(self) -> int | None:
        income, in_kind = self.income_cents, self.in_kind_cents
        return None if income is None or in_kind is None else income + in_kind

    def _per(self, count: Count | None) -> int | None:
        total = self.total_cents
        if total is None or count is None or count.value is None:
            return None
        return per_unit(total, count.value)

    @property
    def cost_per_intake_cents(self) -> int | None:
        return self._per(self.intakes)

    @property
    def cost_per_admitted_cents(self) -> int | None:
        return self._per(self.admitted)


def _total(rows: list[MoneyRow]) -> int | None:
    if any(r.cents is None for r in rows):
        return None
    return sum(r.cents or 0 for r in rows)


def case_counts(house_ids: list[int], municipality_id: int | None, year: int) -> tuple[int, int]:
    """Intakes filed and cases admitted (triage outcome "admitted") in the year, as the dashboard counts them."""
    period = year_period(year)
    figures = summary.period_figures(house_ids, municipality_id, period.date_from, period.date_to)
    deleted = sources.deleted_case_figures(house_ids, municipality_id, period.date_from, period.date_to)
    filed = sum(figures.counts[monthly.ROUTE].values()) + sum(deleted["route"].values())
    admitted = (figures.counts[monthly.TRIAGE_OUTCOME].get("admitted", 0)
                + deleted["triage_outcome"].get("admitted", 0))
    return filed, admitted


def _cofinancing_row(row: CoFinancing, year: int, threshold: int, label: str) -> MoneyRow:
    if row.method == Method.PER_CASE:
        intakes, _admitted = case_counts([row.house_id], row.municipality_id, year)
        if suppress(intakes, threshold=threshold).value is None:
            return MoneyRow(f"cofinancing-{row.pk}", label, None, _("withheld: fewer than %(n)s intakes")
                            % {"n": threshold})
        return MoneyRow(f"cofinancing-{row.pk}", label, selectors.cofinancing_amount(row, None, intakes))
    inhabitants = selectors.inhabitants_for({row.municipality_id}, year).get(row.municipality_id)
    cents = selectors.cofinancing_amount(row, inhabitants, None)
    note = "" if cents is not None else _("not known: no number of inhabitants for this year")
    return MoneyRow(f"cofinancing-{row.pk}", label, cents, note)


def _national_row(house: House, year: int) -> MoneyRow:
    row = FundingYear.objects.filter(year=year).first()
    region_cents = selectors.region_amounts(row).get(house.region_id)
    if region_cents is None:
        return MoneyRow("national", _("National contribution"), None, _("not known: no key for this year"))
    _split, lines = selectors.house_amounts(year, house.region, region_cents)
    cents = next((line.amount_cents for line in lines if line.house.pk == house.pk), None)
    note = "" if cents is not None else _("not known: the region's split over its houses is not recorded")
    return MoneyRow("national", _("National contribution (share of the region)"), cents, note)


def _house_report(house: House, year: int) -> FundingReport:
    threshold = house.small_count_threshold
    report = FundingReport("house", str(house.pk), house.name, year, threshold)
    report.income.append(_national_row(house, year))
    for row in CoFinancing.objects.filter(house=house, year=year).select_related("municipality") \
            .order_by("municipality__name"):
        label = _("Co-financing %(municipality)s (%(method)s)") % {"municipality": row.municipality.name,
                                                                    "method": row.get_method_display()}
        report.income.append(_cofinancing_row(row, year, threshold, label))
    for kind in InKind.objects.filter(house=house, year=year).select_related("organisation") \
            .order_by("organisation__name"):
        report.in_kind.append(MoneyRow(f"in-kind-{kind.pk}", kind.organisation.name,
                                       hours_value(kind.hours, kind.hourly_rate_cents), hours=kind.hours))
    intakes, admitted = case_counts([house.pk], None, year)
    report.intakes, report.admitted = suppress(intakes, threshold=threshold), suppress(admitted, threshold=threshold)
    return report


def house_report(*, actor: User, house_id: int, year: int) -> FundingReport:
    selectors.check_year(year)
    access.require_house(actor, house_id)
    return _house_report(selectors.house_get(house_id=house_id), year)


def region_report(*, actor: User, code: str, year: int) -> FundingReport:
    """The region's houses together (for the steering group), with each house's total and cost per case."""
    selectors.check_year(year)
    region: Region = selectors.region_get(code=code)
    access.require_region_report(actor, region.pk)
    houses = list(House.objects.filter(region=region).select_related("region").order_by("name"))
    threshold = max((h.small_count_threshold for h in houses), default=5)
    report = FundingReport("region", region.code, region.name, year, threshold)
    parts = [_house_report(h, year) for h in houses]
    for part in parts:
        report.income += [MoneyRow(f"{part.key}-{r.key}", f"{part.label}: {r.label}", r.cents, r.note)
                          for r in part.income]
        report.in_kind += [MoneyRow(f"{part.key}-{r.key}", f"{part.label}: {r.label}", r.cents, r.note, r.hours)
                           for r in part.in_kind]
    report.houses = parts
    intakes, admitted = case_counts([h.pk for h in houses], None, year)
    report.intakes, report.admitted = suppress(intakes, threshold=threshold), suppress(admitted, threshold=threshold)
    return report


def municipality_report(*, actor: User, code: str, year: int) -> FundingReport:
    """What the municipality contributes to the houses of its region (and, for the seat municipality, the national
    contribution it receives for them), against the intakes and admissions of its cases there."""
    selectors.check_year(year)
    municipality: Municipality = selectors.municipality_get(code=code)
    access.require_municipality(actor, municipality.pk)
    houses = list(House.objects.filter(region_id=municipality.region_id).order_by("name"))
    threshold = max((h.small_count_threshold for h in houses), default=5)
    report = FundingReport("municipality", municipality.code, municipality.name, year, threshold)
    for row in CoFinancing.objects.filter(municipality=municipality, year=year).select_related("house") \
            .order_by("house__name"):
        label = _("Co-financing of %(house)s (%(method)s)") % {"house": row.house.name,
                                                                "method": row.get_method_display()}
        report.income.append(_cofinancing_row(row, year, row.house.small_count_threshold, label))
    region = municipality.region
    if region.seat_municipality_id == municipality.pk:
        cents = selectors.region_amounts(FundingYear.objects.filter(year=year).first()).get(region.pk)
        report.notes.append(_("As the seat municipality of %(region)s, %(municipality)s receives the national "
                              "contribution for the region: %(amount)s. It is passed on to the houses and counted "
                              "in their reports, not here.")
                            % {"region": region.name, "municipality": municipality.name,
                               "amount": _money_text(cents)})
    intakes, admitted = case_counts([h.pk for h in houses], municipality.pk, year)
    report.intakes, report.admitted = suppress(intakes, threshold=threshold), suppress(admitted, threshold=threshold)
    return report


def _money_text(cents: int | None) -> str:
    return format_euros(cents) if cents is not None else _("not known")
