"""Management information on the crisis lane: how often the triage deadline (counted from the filing) and the
conference deadline (counted from the admission) were met on time, late, or are still open. Only the houses of
the scope that run the crisis lane; no table where none does. Every count passes `core.aggregates`."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope
from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Urgency
from opencasus.core.aggregates import suppress
from opencasus.meetings.crisis import conference_deadlines, triage_deadlines
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.selectors.period import Period
from opencasus.triage.crisis import Deadline, crisis_lane_houses


def _tally(deadlines: dict[int, Deadline]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for deadline in deadlines.values():
        counts["open" if deadline.is_open else deadline.state.value] += 1
    return counts


def crisis_lane_tables(scope: Scope, period: Period) -> list[Table]:
    houses = crisis_lane_houses(scope.house_ids)
    if not houses:
        return []
    cases = Case.objects.filter(house_id__in=houses, urgency=Urgency.CRISIS)
    if scope.municipality_id is not None:
        cases = cases.filter(municipality_id=scope.municipality_id)
    filed = list(cases.filter(filed_at__gte=period.start, filed_at__lt=period.end))
    admitted = list(cases.filter(admitted_at__gte=period.start, admitted_at__lt=period.end))
    rows = []
    for key, label, counts in (("triage", _("Triage (crisis intakes filed in the period)"),
                                _tally(triage_deadlines(filed))),
                               ("conference", _("Case conference (crisis cases admitted in the period)"),
                                _tally(conference_deadlines(admitted)))):
        rows.append(Row(key, label, [suppress(counts[k], threshold=scope.threshold) for k in ("met", "late", "open")]))
    return [Table("crisis-lane", _("Crisis lane: deadlines met"),
                  [Column("met", _("Met on time")), Column("late", _("Met late")), Column("open", _("Still open"))],
                  rows, note=_("In working days (Monday to Friday) as each house set them; still open as of today, "
                               "overdue included."))]
