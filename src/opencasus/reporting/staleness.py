"""Marking months of the monthly dashboard summary stale (`reporting.summary`), for the services that write.

A service that changes what a past month counts (a status change, a closure or its re-opening, a
plan adoption, an agreement, a case's categories, the deletion of a case) calls
`mark_case_months_stale` or `mark_months_stale` in its own transaction: the dashboard then counts
those months from the case records until the summary job rebuilds them. The marker is an upsert,
so it also waits for a rebuild that is creating the same month; the rebuild locks its months
before it reads, so a change is either seen by the rebuild or marks the month stale after it.

Only models are imported here, so any app's services can call it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from opencasus.cases.models import Case, StatusChange
from opencasus.core.events import CaseFiguresChanged, MonthFiguresChanged
from opencasus.plans.models import Agreement, PlanVersion
from opencasus.reporting.models import SummaryMonth


def current_month() -> dt.date:
    return timezone.localdate().replace(day=1)


def local_month(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date().replace(day=1)


def mark_months_stale(*, house_id: int, months_changed: Iterable[dt.date]) -> None:
    """Mark months of a house stale (call in the transaction that changes them). Cheap; idempotent.

    The current month and later ones are always counted live and need no mark.
    """
    current = current_month()
    chosen = sorted({m.replace(day=1) for m in months_changed if m is not None and m < current})
    if not chosen:
        return
    SummaryMonth.objects.bulk_create([SummaryMonth(house_id=house_id, month=m, stale=True) for m in chosen],
                                     update_conflicts=True, unique_fields=["house", "month"],
                                     update_fields=["stale"])


def case_months(case_id: int) -> tuple[int | None, set[dt.date]]:
    """The house of a case and every month a dashboard counts it in (filing, status changes,
    plan adoptions, agreement deadlines)."""
    case = Case.objects.filter(pk=case_id).values_list("house_id", "filed_at").first()
    if case is None:
        return None, set()
    found = {local_month(case[1])}
    found.update(local_month(m) for m in StatusChange.objects.filter(case_id=case_id)
                 .values_list("changed_at", flat=True))
    found.update(local_month(m) for m in PlanVersion.objects.filter(plan__case_id=case_id)
                 .values_list("adopted_at", flat=True))
    found.update(d.replace(day=1) for d in Agreement.objects.filter(case_id=case_id).order_by()
                 .values_list("deadline", flat=True).distinct())
    return case[0], found


def mark_case_months_stale(*, case_id: int) -> None:
    """Mark stale every past month that counts the case: call before changing or deleting it."""
    house_id, found = case_months(case_id)
    if house_id is not None:
        mark_months_stale(house_id=house_id, months_changed=found)


def on_case_figures_changed(event: CaseFiguresChanged) -> None:
    mark_case_months_stale(case_id=event.case_id)


def on_month_figures_changed(event: MonthFiguresChanged) -> None:
    mark_months_stale(house_id=event.house_id, months_changed=event.months)
