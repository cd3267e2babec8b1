"""The monthly dashboard summary: per house and complete calendar month, the figures of `reporting.monthly`.

A house dashboard reads the complete past months that are built and not stale from `MonthlyFigure`
and counts everything else (the current month, partial months at the edges of the period, months
never built or marked stale) from the case records, with the same code. Its figures are therefore
always exact and current, whether or not the summary job ran.

Staleness is kept by the services that write (`reporting.staleness`); the task every ten minutes
`refresh_dashboard_figures` rebuilds stale months and the month that last ended.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import Who, record_processing
from opencasus.reporting.audit import ACTIVITY
from opencasus.reporting.models import MonthlyFigure, SummaryMonth
from opencasus.reporting.monthly import DURATION_KINDS, Figures, collect
from opencasus.reporting.staleness import current_month, local_month
from opencasus.reporting.stats import add_months


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a calendar month in the installation's time zone, as a dashboard period has them."""
    start = timezone.make_aware(dt.datetime.combine(month, dt.time.min))
    return start, timezone.make_aware(dt.datetime.combine(add_months(month, 1), dt.time.min))


def months(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of the months from `first`'s to `last`'s, inclusive."""
    result, month = [], first.replace(day=1)
    while month <= last:
        result.append(month)
        month = add_months(month, 1)
    return result


# --- Reading ----------------------------------------------------------------------------------------

def fresh_months(house_ids: list[int], candidates: list[dt.date]) -> list[dt.date]:
    """The candidate months that are built and not stale for every one of the houses."""
    if not candidates or not house_ids:
        return []
    built: dict[dt.date, int] = {}
    for month in (SummaryMonth.objects.filter(house_id__in=house_ids, month__gte=candidates[0],
                                              month__lte=candidates[-1], stale=False)
                  .order_by().values_list("month", flat=True)):
        built[month] = built.get(month, 0) + 1
    wanted = set(candidates)
    return sorted(m for m, n in built.items() if n == len(house_ids) and m in wanted)


def read(house_ids: list[int], chosen: list[dt.date]) -> Figures:
    """The summed figures of the houses over the chosen (fresh) months."""
    figures = Figures()
    if not chosen:
        return figures
    rows = MonthlyFigure.objects.filter(house_id__in=house_ids, month__gte=chosen[0], month__lte=chosen[-1])
    if len(chosen) != len(months(chosen[0], chosen[-1])):
        rows = rows.filter(month__in=chosen)
    for kind, key, n in (rows.exclude(kind__in=DURATION_KINDS).order_by().values_list("kind", "key")
                         .annotate(n=Sum("count"))):
        figures.counts[kind][key] += n
    for kind, values in rows.filter(kind__in=DURATION_KINDS).order_by().values_list("kind", "durations"):
        figures.durations[kind].extend(values)
    return figures


def spans(start: dt.datetime, end: dt.datetime, chosen: list[dt.date]) -> list[tuple[dt.datetime, dt.datetime]]:
    """The parts of [start, end) outside the chosen months (which lie inside it)."""
    result = []
    cursor = start
    for month in chosen:
        month_start, month_end = month_bounds(month)
        if month_start > cursor:
            result.append((cursor, month_start))
        cursor = month_end
    if cursor < end:
        result.append((cursor, end))
    return result


def period_figures(house_ids: list[int], municipality_id: int | None, date_from: dt.date,
                   date_to: dt.date) -> Figures:
    """The figures of a period: whole past months from the summary where fresh, the rest counted live.

    The summary is per house, so a municipality's figures are always counted live.
    """
    start = timezone.make_aware(dt.datetime.combine(date_from, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    today = timezone.localdate()
    chosen: list[dt.date] = []
    if municipality_id is None:
        first = date_from if date_from.day == 1 else add_months(date_from.replace(day=1), 1)
        last = min(add_months(date_to + dt.timedelta(days=1), -1), add_months(today.replace(day=1), -1))
        chosen = fresh_months(house_ids, months(first, last) if first <= last else [])
    figures = read(house_ids, chosen)
    for span_start, span_end in spans(start, end, chosen):
        figures.add(collect(house_ids, municipality_id, span_start, span_end, today))
    return figures


# --- Writing ----------------------------------------------------------------------------------------

@transaction.atomic
def dashboard_figures_rebuild(*, house_id: int, month_from: dt.date, month_to: dt.date) -> int:
    """(Re)compute the summary of one house for the complete months from `month_from` to `month_to`.

    Months from the current month on are never summarised (they are counted live). Returns the
    number of months built. Idempotent: a month's rows are replaced as a whole.
    """
    last = min(month_to.replace(day=1), add_months(current_month(), -1))
    chosen = months(month_from, last) if month_from.replace(day=1) <= last else []
    if not chosen:
        return 0
    SummaryMonth.objects.bulk_create([SummaryMonth(house_id=house_id, month=m) for m in chosen],
                                     ignore_conflicts=True)
    list(SummaryMonth.objects.select_for_update().filter(house_id=house_id, month__gte=chosen[0],
                                                         month__lte=chosen[-1]).values_list("pk"))
    MonthlyFigure.objects.filter(house_id=house_id, month__gte=chosen[0], month__lte=chosen[-1]).delete()
    today = timezone.localdate()
    rows: list[MonthlyFigure] = []
    for month in chosen:
        start, end = month_bounds(month)
        figures = collect([house_id], None, start, end, today)
        rows += [MonthlyFigure(house_id=house_id, month=month, kind=kind, key=key, count=n)
                 for kind, counter in figures.counts.items() for key, n in counter.items() if n]
        rows += [MonthlyFigure(house_id=house_id, month=month, kind=kind, count=len(values),
                               durations=sorted(values))
                 for kind, values in figures.durations.items() if values]
    MonthlyFigure.objects.bulk_create(rows, batch_size=2000)
    SummaryMonth.objects.filter(house_id=house_id, month__gte=chosen[0], month__lte=chosen[-1]).update(
        stale=False, built_at=timezone.now())
    record_processing(action=Action.CREATE, activity_code=ACTIVITY, purpose=purposes.MONTHLY_SUMMARY,
                      who=Who.system("dashboard-summary"), house_id=house_id, object_type="dashboard-summary",
                      object_id=f"{chosen[0]:%Y-%m}..{chosen[-1]:%Y-%m}")
    return len(chosen)


def dashboard_figures_rebuild_history(*, house_id: int, since: dt.date | None = None) -> int:
    """Rebuild every complete month of a house from `since` (default: its first intake), in one transaction."""
    if since is None:
        first = Case.objects.filter(house_id=house_id).order_by("filed_at").values_list("filed_at", flat=True).first()
        if first is None:
            return 0
        since = local_month(first)
    return dashboard_figures_rebuild(house_id=house_id, month_from=since, month_to=add_months(current_month(), -1))


def dashboard_figures_refresh(*, house_id: int) -> int:
    """Rebuild a house's stale months, and the last complete month if it was never built.

    Each run of adjacent months is rebuilt in one transaction.
    """
    previous = add_months(current_month(), -1)
    wanted = set(SummaryMonth.objects.filter(house_id=house_id, stale=True, month__lte=previous).order_by()
                 .values_list("month", flat=True))
    if not SummaryMonth.objects.filter(house_id=house_id, month=previous, stale=False).exists():
        wanted.add(previous)
    built = 0
    for first, last in _runs(sorted(wanted)):
        built += dashboard_figures_rebuild(house_id=house_id, month_from=first, month_to=last)
    return built


def _runs(chosen: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    result: list[tuple[dt.date, dt.date]] = []
    for month in chosen:
        if result and add_months(result[-1][1], 1) == month:
            result[-1] = (result[-1][0], month)
        else:
            result.append((month, month))
    return result
