"""Trend signals for the tactical meeting: intake rates that changed against their own history.

For every theme (target group) and municipality of a house: the number of intakes in the last
complete calendar month (k) is tested against the mean monthly number over the previous
`HISTORY_MONTHS` months (λ) with a two-sided exact Poisson test,
p = min(1, 2 · min(P(X ≤ k), P(X ≥ k))), X ~ Poisson(λ). A signal is raised when p < `ALPHA`.
Tested only with at least `MIN_HISTORY_MONTHS` months of history (counted from the house's first
intake) and λ > 0. See docs/reporting.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count as DbCount
from django.db.models import Min
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope, house_scope
from opencasus.core.aggregates import Count, suppress
from opencasus.core.db_router import reads_from_replica
from opencasus.reporting.selectors.dashboard import scope_cases
from opencasus.reporting.stats import add_months, month_start, poisson_test

if TYPE_CHECKING:
    from opencasus.accounts.models import User

HISTORY_MONTHS = 12
MIN_HISTORY_MONTHS = 6
ALPHA = 0.01


@dataclass
class TrendRow:
    dimension: str  # "theme" | "municipality"
    key: str
    label: str
    last_count: Count
    history_mean: float | None  # withheld when the history is small
    p_value: float | None
    signal: bool
    direction: str  # "up" | "down" | "none"

    def as_json(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "key": self.key, "label": self.label,
                "last_count": self.last_count.as_json(), "history_mean": self.history_mean,
                "p_value": self.p_value, "signal": self.signal, "direction": self.direction}


@dataclass
class TrendReport:
    scope: Scope
    month: dt.date
    history_from: dt.date
    history_months: int
    enough_history: bool
    rows: list[TrendRow]

    @property
    def signals(self) -> list[TrendRow]:
        return [r for r in self.rows if r.signal]

    def as_json(self) -> dict[str, Any]:
        return {"house_id": int(self.scope.key), "month": self.month, "history_from_date": self.history_from,
                "history_months": self.history_months, "enough_history": self.enough_history,
                "alpha": ALPHA, "rows": [r.as_json() for r in self.rows]}


def _local_month(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return month_start(value)


@reads_from_replica
def trends_for(scope: Scope, *, month: dt.date | None = None) -> TrendReport:
    last = month_start(month) if month else add_months(month_start(timezone.localdate()), -1)
    window_start = add_months(last, -HISTORY_MONTHS)
    cases = scope_cases(scope)
    first = cases.aggregate(first=Min("filed_at"))["first"]
    history_from = max(window_start, _local_month(first)) if first else last
    months = [add_months(history_from, i) for i in range(HISTORY_MONTHS + 1)
              if add_months(history_from, i) < last]
    enough = len(months) >= MIN_HISTORY_MONTHS
    start = timezone.make_aware(dt.datetime.combine(history_from, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(add_months(last, 1), dt.time.min))
    in_window = cases.filter(filed_at__gte=start, filed_at__lt=end).annotate(month=TruncMonth("filed_at"))
    rows: list[TrendRow] = []
    for dimension, key_field, label_field, none_label in (
            ("theme", "target_group_id", "target_group__name", _("No target group")),
            ("municipality", "municipality__code", "municipality__name", "")):
        per_month: dict[tuple[str, str], dict[dt.date, int]] = defaultdict(dict)
        for key, label, bucket, n in (in_window.order_by().values_list(key_field, label_field, "month")
                                      .annotate(n=DbCount("id"))):
            per_month[(str(key or "none"), label or none_label)][_local_month(bucket)] = n
        for (key, label), counts in per_month.items():
            rows.append(_row(scope, dimension, key, label, counts, months, last, enough))
    rows.sort(key=lambda r: (not r.signal, r.dimension, r.p_value if r.p_value is not None else 2, r.label))
    return TrendReport(scope, last, history_from, len(months), enough, rows)


def _row(scope: Scope, dimension: str, key: str, label: str, counts: dict[dt.date, int], months: list[dt.date],
         last: dt.date, enough: bool) -> TrendRow:
    observed = counts.get(last, 0)
    history_total = sum(counts.get(m, 0) for m in months)
    mean = history_total / len(months) if months else 0.0
    p_value, signal, direction = None, False, "none"
    if enough and mean > 0:
        test = poisson_test(observed, mean)
        p_value, direction = test.p_value, test.direction
        signal = test.significant(ALPHA)
    shown_mean = round(mean, 2) if history_total >= scope.threshold else None
    return TrendRow(dimension, key, label, suppress(observed, threshold=scope.threshold), shown_mean,
                    None if p_value is None else round(p_value, 6), signal, direction)


def trend_signals(*, actor: User, house_id: int, month: dt.date | None = None) -> TrendReport:
    return trends_for(house_scope(actor=actor, house_id=house_id), month=month)
