"""The raw figures of a dashboard over a span of time, in a form that adds up across spans.

`collect` reads the case records of a scope for [start, end): counts per category, the exact
durations behind the throughput percentiles (whole microseconds, so a duration in days is computed
exactly as from the timestamps) and agreements per owner organisation. `Figures` of adjacent spans
merge by adding counts and joining durations, so a period's figures are the same whether they were
read in one span, month by month, or partly from the monthly summary (`reporting.summary`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count as DbCount
from django.db.models import QuerySet

from opencasus.cases.models import Case, StatusChange
from opencasus.cases.workflow import TRIAGE_OUTCOMES, Status
from opencasus.reporting import sources

# Count kinds (key: category) and duration kinds (key: "", values: microseconds).
ROUTE = "route"
TARGET_GROUP = "target_group"  # key: target group id or "none"
MUNICIPALITY = "municipality"  # key: municipality code
TRIAGE_OUTCOME = "triage_outcome"
ADMITTED_MEETING_TYPE = "admitted_meeting_type"  # key: meeting type id or "none"
CLOSURE_OUTCOME = "closure_outcome"  # key: outcome code, "" when none was recorded
AGREEMENTS_DUE = "agreements_due"  # key: owner organisation id (a renamed organisation keeps its months)
AGREEMENTS_KEPT = "agreements_kept"
COUNT_KINDS = (ROUTE, TARGET_GROUP, MUNICIPALITY, TRIAGE_OUTCOME, ADMITTED_MEETING_TYPE, CLOSURE_OUTCOME,
               AGREEMENTS_DUE, AGREEMENTS_KEPT)
FILED_TRIAGED = "filed-triaged"
TRIAGED_ADOPTED = "triaged-adopted"
ADOPTED_CLOSED = "adopted-closed"
FILED_CLOSED = "filed-closed"
DURATION_KINDS = (FILED_TRIAGED, TRIAGED_ADOPTED, ADOPTED_CLOSED, FILED_CLOSED)

MICROSECONDS_PER_DAY = 86_400 * 1_000_000


def microseconds(later: dt.datetime, earlier: dt.datetime) -> int:
    delta = later - earlier
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def days(duration: int) -> float:
    """A duration in days, bit for bit as `(later - earlier).total_seconds() / 86400`."""
    return duration / 1_000_000 / 86_400


@dataclass
class Figures:
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {kind: Counter() for kind in COUNT_KINDS})
    durations: dict[str, list[int]] = field(default_factory=lambda: {kind: [] for kind in DURATION_KINDS})

    def add(self, other: Figures) -> None:
        for kind, counter in other.counts.items():
            self.counts[kind].update(counter)
        for kind, values in other.durations.items():
            self.durations[kind].extend(values)


def _changes(house_ids: list[int], municipality_id: int | None) -> QuerySet[StatusChange]:
    qs = StatusChange.objects.filter(house_id__in=house_ids).order_by()
    if municipality_id is not None:
        qs = qs.filter(case__municipality_id=municipality_id)
    return qs


def _cases(house_ids: list[int], municipality_id: int | None) -> QuerySet[Case]:
    qs = Case.objects.filter(house_id__in=house_ids)
    if municipality_id is not None:
        qs = qs.filter(municipality_id=municipality_id)
    return qs


def collect(house_ids: list[int], municipality_id: int | None, start: dt.datetime, end: dt.datetime,
            today: dt.date) -> Figures:
    """The figures of [start, end) read from the case records; agreements due up to `today`."""
    figures = Figures()
    counts = figures.counts
    intakes = _cases(house_ids, municipality_id).filter(filed_at__gte=start, filed_at__lt=end).order_by()
    for route, tg, code, n in (intakes.values_list("route", "target_group_id", "municipality__code")
                               .annotate(n=DbCount("id"))):
        counts[ROUTE][route] += n
        counts[TARGET_GROUP][str(tg or "none")] += n
        counts[MUNICIPALITY][code] += n

    decisions = _changes(house_ids, municipality_id).filter(
        from_status=Status.IN_TRIAGE, to_status__in=TRIAGE_OUTCOMES, changed_at__gte=start, changed_at__lt=end)
    for outcome, meeting_type, filed_at, changed_at in decisions.values_list(
            "to_status", "case__meeting_type_id", "case__filed_at", "changed_at"):
        counts[TRIAGE_OUTCOME][outcome] += 1
        if outcome == Status.ADMITTED:
            counts[ADMITTED_MEETING_TYPE][str(meeting_type or "none")] += 1
        figures.durations[FILED_TRIAGED].append(microseconds(changed_at, filed_at))

    closed = _changes(house_ids, municipality_id).filter(to_status=Status.CLOSED, changed_at__gte=start,
                                                         changed_at__lt=end)
    closures = list(closed.values_list("case_id", "case__filed_at", "changed_at"))
    if closures:
        outcomes = sources.closure_outcome_codes(closed.values("case_id"))
        first_adoptions = sources.plan_adoption_dates(closed.values("case_id")) or {}
        for case_id, filed_at, changed_at in closures:
            counts[CLOSURE_OUTCOME][outcomes.get(case_id, "")] += 1
            figures.durations[FILED_CLOSED].append(microseconds(changed_at, filed_at))
            if case_id in first_adoptions:
                figures.durations[ADOPTED_CLOSED].append(microseconds(changed_at, first_adoptions[case_id]))

    adoptions = sources.first_adoptions_between(house_ids, municipality_id, start, end)
    if adoptions:
        # The latest decision out of triage of each case (the default ordering puts it last).
        decided_at = dict(StatusChange.objects.filter(case_id__in=list(adoptions), from_status=Status.IN_TRIAGE)
                          .values_list("case_id", "changed_at"))
        figures.durations[TRIAGED_ADOPTED] = [microseconds(adopted, decided_at[case_id])
                                              for case_id, adopted in adoptions.items() if case_id in decided_at]

    last_day = min((end - dt.timedelta(microseconds=1)).date(), today)
    first_day = start.date()
    if first_day <= last_day:
        for item in sources.agreements_by_organisation(house_ids, municipality_id, first_day, last_day) or []:
            counts[AGREEMENTS_DUE][str(item["organisation_id"])] += item["due"]
            counts[AGREEMENTS_KEPT][str(item["organisation_id"])] += item["kept_on_time"]
    return figures
