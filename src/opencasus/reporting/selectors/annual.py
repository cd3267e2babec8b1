"""The municipal annual report for co-financing: a municipality's cases in one calendar year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count as DbCount
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope, municipality_scope
from opencasus.reporting.figures import Table
from opencasus.reporting.models import Advice
from opencasus.reporting.selectors.advice import advice_in_scope
from opencasus.reporting.selectors.dashboard import Dashboard, count_table, dashboard_for
from opencasus.reporting.selectors.governance import priority_theme_tables
from opencasus.reporting.selectors.period import year_period

if TYPE_CHECKING:
    from opencasus.accounts.models import User

REPORT_TABLES = ("headline", "intakes-by-route", "intakes-by-target-group", "triage-outcomes", "status-at-end",
                 "closures", "throughput", "agreements")


@dataclass
class AnnualReport:
    scope: Scope
    year: int
    dashboard: Dashboard
    tables: list[Table]
    advice: list[Advice]

    def as_json(self) -> dict[str, Any]:
        return {
            "municipality": {"code": self.scope.key, "name": self.scope.label},
            "year": self.year,
            "threshold": self.scope.threshold,
            "tables": [t.as_json() for t in self.tables],
            "advice": [{"given_at": a.given_at, "theme": a.target_group.name if a.target_group else "",
                        "text": a.text} for a in self.advice],
        }


def municipal_annual_report(*, actor: User, code: str, year: int) -> AnnualReport:
    scope = municipality_scope(actor=actor, code=code)
    period = year_period(year)
    dashboard = dashboard_for(scope, period)
    by_slug = {t.slug: t for t in dashboard.all_tables()}
    advice = list(advice_in_scope(scope, period))
    themes = (advice_in_scope(scope, period).order_by().values_list("target_group__name")
              .annotate(n=DbCount("id")).order_by("-n"))
    advice_table = count_table(scope, "advice", _("Advice to the municipality, by theme"),
                               [(name or "none", name or _("No theme"), n) for name, n in themes], _("Advice"))
    tables = [by_slug[s] for s in REPORT_TABLES if s in by_slug] + priority_theme_tables(scope, year) + [advice_table]
    return AnnualReport(scope, year, dashboard, tables, advice)
