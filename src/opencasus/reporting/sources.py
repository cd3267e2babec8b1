"""What reporting reads from the other apps' records, in one place.

Each function returns aggregate-ready values keyed by case id or by category (never a person).
Parts whose app does not record the data (yet) return `None`, so a dashboard can say the figure is
not available instead of showing a misleading zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Avg, Count, Exists, F, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.meetings.models import SelfReport
from opencasus.plans.models import Agreement, CaseClosure, Escalation, PlanVersion
from opencasus.plans.vocabulary import AgreementStatus, ClosureOutcome, EscalationLevel
from opencasus.privacy.models import AnonymisedCaseRecord


def plan_adoption_dates(case_ids: Iterable[int] | Any, *, start: dt.datetime | None = None,
                        end: dt.datetime | None = None) -> dict[int, dt.datetime] | None:
    """When the action plan of each case was first adopted: {case_id: adopted_at}.

    With `start`/`end`: only first adoptions in [start, end).
    """
    qs = (PlanVersion.objects.filter(plan__case_id__in=case_ids).order_by().values("plan__case_id")
          .annotate(first=Min("adopted_at")))
    if start is not None:
        qs = qs.filter(first__gte=start)
    if end is not None:
        qs = qs.filter(first__lt=end)
    return {row["plan__case_id"]: row["first"] for row in qs}


def first_adoptions_between(house_ids: list[int], municipality_id: int | None, start: dt.datetime,
                            end: dt.datetime) -> dict[int, dt.datetime]:
    """The cases of the houses whose plan was first adopted in [start, end): {case_id: adopted_at}.

    The same as `plan_adoption_dates` over the houses' cases with `start`/`end`, but read from the
    adoptions in the span (a case counts unless it had an adoption before `start`).
    """
    earlier = PlanVersion.objects.filter(plan__case_id=OuterRef("plan__case_id"), adopted_at__lt=start)
    qs = PlanVersion.objects.filter(plan__case__house_id__in=house_ids, adopted_at__gte=start, adopted_at__lt=end)
    if municipality_id is not None:
        qs = qs.filter(plan__case__municipality_id=municipality_id)
    rows = (qs.filter(~Exists(earlier)).order_by().values("plan__case_id").annotate(first=Min("adopted_at"))
            .values_list("plan__case_id", "first"))
    return dict(rows)


def closure_outcome_codes(case_ids: Iterable[int] | Any) -> dict[int, str]:
    """The outcome code of each case's latest closure that was not re-opened: {case_id: outcome}."""
    result: dict[int, str] = {}
    for case_id, outcome in (CaseClosure.objects.filter(case_id__in=case_ids, reopened_at__isnull=True)
                             .order_by("case_id", "closed_at", "id").values_list("case_id", "outcome")):
        result[case_id] = outcome
    return result


def closure_outcomes(case_ids: Iterable[int] | Any) -> dict[int, str] | None:
    """The outcome of each case's latest closure that was not re-opened: {case_id: outcome label}."""
    labels = dict(ClosureOutcome.choices)
    return {case_id: str(labels.get(code, code)) for case_id, code in closure_outcome_codes(case_ids).items()}


def closure_outcome_label(code: str) -> str:
    """The label of an outcome code; "" (none recorded) has a label of its own."""
    if not code:
        return str(_("No outcome recorded"))
    return str(dict(ClosureOutcome.choices).get(code, code))


def agreements_by_organisation(house_ids: Iterable[int], municipality_id: int | None, date_from: dt.date,
                               date_to: dt.date) -> list[dict[str, Any]] | None:
    """Agreements whose deadline fell in the period (up to today), per owner organisation (id).

    Kept on time: done, completed on or before the deadline. Cancelled agreements do not count.
    Found through the agreement's copied house (index `agreement_house_deadline`).
    """
    last = min(date_to, timezone.localdate())
    agreements = Agreement.objects.filter(house_id__in=list(house_ids))
    if municipality_id is not None:
        agreements = agreements.filter(case__municipality_id=municipality_id)
    rows = (agreements.filter(deadline__gte=date_from, deadline__lte=last)
            .exclude(status=AgreementStatus.CANCELLED).order_by()
            .values("owner_organisation_id")
            .annotate(due=Count("id"), kept_on_time=Count("id", filter=Q(
                status=AgreementStatus.DONE, completed_at__date__lte=F("deadline")))))
    return [{"organisation_id": r["owner_organisation_id"], "due": r["due"], "kept_on_time": r["kept_on_time"]}
            for r in rows]


def escalations(case_ids: Any, date_from: dt.date, date_to: dt.date) -> list[dict[str, Any]] | None:
    """Escalations raised in the period, by level (operational, tactical, strategic)."""
    start = timezone.make_aware(dt.datetime.combine(date_from, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    counts = dict(Escalation.objects.filter(case_id__in=case_ids, raised_at__gte=start, raised_at__lt=end)
                  .order_by().values_list("level").annotate(n=Count("id")))
    return [{"label": str(level.label), "count": counts.get(level.value, 0)} for level in EscalationLevel]


def stappenmeter(case_ids: Any, date_from: dt.date, date_to: dt.date) -> list[dict[str, Any]] | None:
    """Stappenmeter self-reports in the period: the mean goals and cooperation scores (1-5)."""
    start = timezone.make_aware(dt.datetime.combine(date_from, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    totals = SelfReport.objects.filter(case_id__in=case_ids, reported_at__gte=start, reported_at__lt=end).aggregate(
        responses=Count("id"), goals=Avg("goals_score"), cooperation=Avg("cooperation_score"))
    return [
        {"label": str(_("Goals reached (1-5)")), "responses": totals["responses"], "mean": totals["goals"]},
        {"label": str(_("Cooperation between partners (1-5)")), "responses": totals["responses"],
         "mean": totals["cooperation"]},
    ]


def _month_range(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    """The months whose first day lies in [date_from, date_to], as first days (inclusive bounds)."""
    first = date_from if date_from.day == 1 else (date_from.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, date_to.replace(day=1)


def deleted_case_figures(house_ids: Iterable[int], municipality_id: int | None, date_from: dt.date,
                         date_to: dt.date) -> dict[str, dict[str, int]]:
    """Anonymised figures kept for deleted cases, so counts survive retention: {dimension: {key: n}}.

    They hold months, not dates: a deleted case counts in a period that contains the first day of
    the month of the event (filed, triage decision, closure). Dimensions: `route`, `target_group`
    (id or "none"), `municipality` (code), `triage_outcome`, `admitted_meeting_type` (id or "none"),
    `closed`, and `status_at_end` (the status it had when deleted, counted when that status was
    reached by the end of the period).
    """
    records = AnonymisedCaseRecord.objects.filter(house_id__in=list(house_ids))
    if municipality_id is not None:
        records = records.filter(municipality_id=municipality_id)
    first, last = _month_range(date_from, date_to)
    figures: dict[str, dict[str, int]] = {}

    def tally(dimension: str, rows: Any) -> None:
        figures[dimension] = {str(key if key is not None else "none"): n for key, n in rows}

    filed = records.filter(filed_month__gte=first, filed_month__lte=last).order_by()
    tally("route", filed.values_list("route").annotate(n=Count("id")))
    tally("target_group", filed.values_list("target_group_id").annotate(n=Count("id")))
    tally("municipality", filed.values_list("municipality__code").annotate(n=Count("id")))
    triaged = records.filter(triage_month__gte=first, triage_month__lte=last).exclude(triage_outcome="").order_by()
    tally("triage_outcome", triaged.values_list("triage_outcome").annotate(n=Count("id")))
    tally("admitted_meeting_type", triaged.filter(triage_outcome="admitted")
          .values_list("meeting_type_id").annotate(n=Count("id")))
    closed = records.filter(closed_month__gte=first, closed_month__lte=last).count()
    figures["closed"] = {"closed": closed} if closed else {}
    reached = Q(closed_month__isnull=False, closed_month__lte=last) | Q(
        closed_month__isnull=True, triage_month__isnull=False, triage_month__lte=last) | Q(
        closed_month__isnull=True, triage_month__isnull=True, filed_month__lte=last)
    tally("status_at_end", records.filter(reached).order_by().values_list("final_status").annotate(n=Count("id")))
    return figures
