"""The national dashboard: every safety region side by side, with the figures a house manager sees for a house.

Each region is a `Scope` of kind "region" over its houses (none: a row of zeros), with the highest threshold of
those houses, and every figure comes from the same functions as the house dashboard (`dashboard`, `recidivism`),
so it passes the same suppression (`core.aggregates`). There is no national total row: with one region
suppressed, a total would give it back. Nothing here names a person, a house's case or a professional.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from opencasus.access import national as national_access
from opencasus.access.reporting import Scope
from opencasus.core.aggregates import DEFAULT_THRESHOLD, safe_ratio, suppress
from opencasus.logbook.models import Action
from opencasus.network.models import House, Region
from opencasus.reporting import monthly, sources, summary
from opencasus.reporting.audit import log_figures
from opencasus.reporting.figures import Cell, Column, Row, Table
from opencasus.reporting.selectors.dashboard import (
    closure_tables,
    intake_tables,
    scope_cases,
    status_table,
    triage_tables,
)
from opencasus.reporting.selectors.period import Period, make_period
from opencasus.reporting.selectors.recidivism import recidivism_for

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# The recidivism window the national comparison shows (months before and after the plan was adopted).
RECIDIVISM_MONTHS = 12


@dataclass
class NationalDashboard:
    period: Period
    regions: list[Scope]
    tables: list[Table]

    @property
    def house_ids(self) -> frozenset[int]:
        return frozenset(h for scope in self.regions for h in scope.house_ids)

    def as_json(self) -> dict[str, Any]:
        return {
            "date_from": self.period.date_from, "date_to": self.period.date_to,
            "regions": [{"code": r.key, "name": r.label, "houses": len(r.house_ids), "threshold": r.threshold}
                        for r in self.regions],
            "tables": [t.as_json() for t in self.tables],
        }


def region_scopes() -> list[Scope]:
    """All safety regions in their order, each over its houses, at the highest threshold of those houses."""
    houses: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pk, region_id, threshold in House.objects.values_list("pk", "region_id", "small_count_threshold"):
        houses[region_id].append((pk, threshold))
    return [Scope("region", region.code, region.name, frozenset(pk for pk, _t in houses[region.pk]), None,
                  max((t for _pk, t in houses[region.pk]), default=DEFAULT_THRESHOLD))
            for region in Region.objects.order_by("number")]


@dataclass
class _RegionRows:
    """One region's cells of each national table, in the tables' column order."""

    activity: list[Cell]
    triage: list[Cell]
    throughput: list[Cell]
    agreements: list[Cell]
    stappenmeter: list[Cell]
    recidivism: list[Cell]


def _cells(table: Table, key: str, column: int) -> Cell:
    return next((r.values[column] for r in table.rows if r.key == key), None)


def _region_rows(scope: Scope, period: Period, today: dt.date) -> _RegionRows:
    t = scope.threshold
    house_ids = scope.sorted_house_ids
    deleted = sources.deleted_case_figures(house_ids, None, period.date_from, period.date_to)
    figures = summary.period_figures(house_ids, None, period.date_from, period.date_to)
    _intake, filed = intake_tables(scope, figures, deleted)
    (outcomes, _admissions), decided = triage_tables(scope, figures, deleted)
    _statuses, open_count = status_table(scope, period, deleted)
    (_closed_table, throughput), closed = closure_tables(scope, figures, deleted)
    due = sum(figures.counts[monthly.AGREEMENTS_DUE].values())
    kept = sum(figures.counts[monthly.AGREEMENTS_KEPT].values())
    share = safe_ratio(kept, due, threshold=t)
    case_ids = scope_cases(scope).values("pk")
    steps = sources.stappenmeter(case_ids, period.date_from, period.date_to) or []
    responses = steps[0]["responses"] if steps else 0
    means = [None if responses < t or s["mean"] is None else round(s["mean"], 1) for s in steps[:2]]
    recidivism = recidivism_for(scope, today=today)
    window = next((tb for tb in recidivism.tables if tb.slug == f"recidivism-{RECIDIVISM_MONTHS}"), None)
    everyone = next((r.values for r in window.rows if r.key == "all"), None) if window else None
    return _RegionRows(
        activity=[suppress(filed, threshold=t), suppress(decided, threshold=t), suppress(open_count, threshold=t),
                  suppress(closed, threshold=t)],
        triage=[_cells(outcomes, key, 0) or suppress(0, threshold=t)
                for key in ("admitted", "advice_given", "routed", "declined")],
        throughput=[_cells(throughput, key, 1) for key in ("filed-triaged", "triaged-adopted", "filed-closed")],
        agreements=[suppress(due, threshold=t), suppress(kept, threshold=t),
                    None if share is None else round(100 * share, 0)],
        stappenmeter=[suppress(responses, threshold=t), *[*means, None, None][:2]],
        recidivism=[everyone[0], everyone[1], everyone[2], everyone[5]] if everyone else
        [suppress(0, threshold=t), None, None, None],
    )


def _table(slug: str, title: str, columns: list[Column], regions: list[Scope], cells: list[list[Cell]],
           *, chart_column: int = 0, note: str = "") -> Table:
    rows = [Row(scope.key, scope.label, values) for scope, values in zip(regions, cells, strict=True)]
    return Table(slug, title, columns, rows, chart_column=chart_column, note=note)


def national_dashboard_for(period: Period, *, today: dt.date | None = None) -> NationalDashboard:
    """The figures of every region; not logged and without an access check (`national_dashboard` has both)."""
    from django.utils import timezone

    today = today or timezone.localdate()
    regions = region_scopes()
    rows = [_region_rows(scope, period, today) for scope in regions]
    no_houses = _("A region without a house in this installation shows zeros.")
    tables = [
        _table("national-activity", _("Intake, triage and closure per region"), [
            Column("filed", _("Intakes filed")), Column("triaged", _("Triage decisions")),
            Column("open", _("Open at the end of the period")), Column("closed", _("Closed in the period"))],
            regions, [r.activity for r in rows], note=no_houses),
        _table("national-triage", _("Triage outcomes per region"), [
            Column("admitted", _("Admitted")), Column("advice_given", _("Advice given")),
            Column("routed", _("Routed elsewhere")), Column("declined", _("Declined"))],
            regions, [r.triage for r in rows]),
        _table("national-throughput", _("Throughput per region (median in days)"), [
            Column("filed-triaged", _("Filed → triage decision"), "days"),
            Column("triaged-adopted", _("Triage decision → plan adopted"), "days"),
            Column("filed-closed", _("Filed → closed"), "days")],
            regions, [r.throughput for r in rows],
            note=_("A median over fewer cases than the threshold is withheld.")),
        _table("national-agreements", _("Agreements kept on time per region"), [
            Column("due", _("Agreements due")), Column("kept", _("Kept on time")),
            Column("share", _("Share kept on time"), "percent")],
            regions, [r.agreements for r in rows], chart_column=2),
        _table("national-stappenmeter", _("Stappenmeter per region"), [
            Column("responses", _("Responses")), Column("goals", _("Goals reached (1-5)"), "number"),
            Column("cooperation", _("Cooperation between partners (1-5)"), "number")],
            regions, [r.stappenmeter for r in rows], chart_column=1),
        _table("national-recidivism", _("Police incidents %(n)s months before and after the plan, per region")
               % {"n": RECIDIVISM_MONTHS}, [
            Column("persons", _("Persons")), Column("before", _("Incidents before")),
            Column("after", _("Incidents after")), Column("change", _("Change (%)"), "percent")],
            regions, [r.recidivism for r in rows], chart_column=3),
    ]
    return NationalDashboard(period, regions, tables)


def national_dashboard(*, actor: User, date_from: dt.date, date_to: dt.date) -> NationalDashboard:
    """The national dashboard for the national programme (404 for anyone else), not logged."""
    national_access.national_check(actor=actor)
    return national_dashboard_for(make_period(date_from, date_to))


def national_dashboard_view(*, actor: User, date_from: dt.date, date_to: dt.date, purpose: str,
                            action: str = Action.VIEW) -> NationalDashboard:
    """The national dashboard as shown or exported: logged once per house whose figures were used (no data
    subject), like every management-information read (`reporting.audit`)."""
    data = national_dashboard(actor=actor, date_from=date_from, date_to=date_to)
    log_figures(actor=actor, house_ids=data.house_ids, action=action, purpose=purpose,
                object_type="national-dashboard", object_id="national")
    return data
