"""Dashboard figures for a scope (house, municipality, region) and period. Aggregated in the database.

Reporting reads case records directly (not through the case-level access policy): it only ever
counts, the scope is decided in `access.reporting`, and every count passes `core.aggregates.suppress`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import Count as DbCount
from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope, house_scope
from opencasus.cases.models import Case, StatusChange
from opencasus.cases.vocabulary import Route
from opencasus.cases.workflow import ACTIVE_STATUSES, Status
from opencasus.core.aggregates import safe_ratio, suppress, suppress_complementary
from opencasus.core.db_router import reads_from_replica
from opencasus.network.models import MeetingType, Municipality, Organisation, TargetGroup
from opencasus.reporting import monthly, sources, summary
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.monthly import Figures
from opencasus.reporting.selectors.period import Period, make_period
from opencasus.reporting.stats import percentile

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass
class Dashboard:
    scope: Scope
    period: Period
    headline: Table
    tables: list[Table]

    def all_tables(self) -> list[Table]:
        return [self.headline, *self.tables]

    def as_json(self) -> dict[str, Any]:
        return {
            "scope": {"kind": self.scope.kind, "key": self.scope.key, "name": self.scope.label,
                      "threshold": self.scope.threshold},
            "date_from": self.period.date_from, "date_to": self.period.date_to,
            "tables": [t.as_json() for t in self.all_tables()],
        }


def scope_cases(scope: Scope) -> QuerySet[Case]:
    qs = Case.objects.filter(house_id__in=scope.sorted_house_ids)
    if scope.municipality_id is not None:
        qs = qs.filter(municipality_id=scope.municipality_id)
    return qs


def count_table(scope: Scope, slug: str, title: str, counts: Iterable[tuple[str, str, int]],
                column: str | None = None, note: str = "", *, parts_of_total: bool = True) -> Table:
    """One count per row. Parts of a total get secondary suppression (see `suppress_complementary`)."""
    items = list(counts)
    if parts_of_total:
        shown = suppress_complementary({i: n for i, (_k, _l, n) in enumerate(items)}, threshold=scope.threshold)
    else:
        shown = {i: suppress(n, threshold=scope.threshold) for i, (_k, _l, n) in enumerate(items)}
    rows = [Row(key, label, [shown[i]]) for i, (key, label, _n) in enumerate(items)]
    return Table(slug, title, [Column("count", column or _("Number"))], rows, note=note)


Deleted = dict[str, dict[str, int]]


def _with_deleted(items: list[tuple[str, str, int]], extra: dict[str, int],
                  label_for: Any = None) -> list[tuple[str, str, int]]:
    """Add the anonymised counts of deleted cases to live counts keyed alike; unknown keys get a row."""
    merged = [(key, label, n + extra.get(key, 0)) for key, label, n in items]
    known = {key for key, _l, _n in items}
    new_keys = [key for key in extra if key not in known and extra[key]]
    labels = label_for(new_keys) if label_for and new_keys else {}
    merged += [(key, labels.get(key, key), extra[key]) for key in new_keys]
    return sorted(merged, key=lambda i: (-i[2], i[1])) if new_keys else merged


def _target_group_names(keys: list[str]) -> dict[str, str]:
    ids = [int(k) for k in keys if k.isdigit()]
    names = {str(pk): name for pk, name in TargetGroup.objects.filter(pk__in=ids).values_list("pk", "name")}
    return {**names, "none": _("No target group")}


def _meeting_type_names(keys: list[str]) -> dict[str, str]:
    ids = [int(k) for k in keys if k.isdigit()]
    names = {str(pk): name for pk, name in MeetingType.objects.filter(pk__in=ids).values_list("pk", "name")}
    return {**names, "none": _("No meeting type")}


def _municipality_names(keys: list[str]) -> dict[str, str]:
    return dict(Municipality.objects.filter(code__in=keys).values_list("code", "name"))


def _by_count_then_name(counts: Counter[str], model: Any, field: str, none_label: str = "") -> list[Row3]:
    """Categories by count (descending), then by name as the database orders names (no-name rows as it
    orders NULL), labelled with the names: the order a `GROUP BY … ORDER BY -n, name` gives."""
    keys = [k for k, n in counts.items() if n]
    ranked = list(model.objects.filter(**{f"{field}__in": [k for k in keys if k != "none"]}).order_by("name")
                  .values_list(field, "name"))
    rank = {str(key): i for i, (key, _name) in enumerate(ranked)}
    names = {str(key): name for key, name in ranked}
    null_rank = len(ranked) if connection.features.nulls_order_largest else -1
    ordered = sorted(keys, key=lambda k: (-counts[k], rank.get(k, null_rank)))
    return [(k, names.get(k) or none_label, counts[k]) for k in ordered]


Row3 = tuple[str, str, int]


def _duration_row(scope: Scope, key: str, label: str, durations: list[int]) -> Row:
    # Sorted once here (days() keeps the order), so the percentiles' own sort finds one run.
    return duration_row(scope, key, label, [monthly.days(d) for d in sorted(durations)])


def duration_row(scope: Scope, key: str, label: str, durations: list[float]) -> Row:
    n = len(durations)
    small = n < scope.threshold
    median = None if small else round(percentile(durations, 50) or 0, 1)
    p90 = None if small else round(percentile(durations, 90) or 0, 1)
    return Row(key, label, [suppress(n, threshold=scope.threshold), median, p90])


def intake_tables(scope: Scope, figures: Figures, deleted: Deleted) -> tuple[list[Table], int]:
    by_route = figures.counts[monthly.ROUTE]
    routes = _with_deleted([(r.value, str(r.label), by_route.get(r.value, 0)) for r in Route], deleted["route"])
    groups = _by_count_then_name(figures.counts[monthly.TARGET_GROUP], TargetGroup, "pk", _("No target group"))
    groups = _with_deleted(groups, deleted["target_group"], _target_group_names)
    municipalities = _with_deleted(_by_count_then_name(figures.counts[monthly.MUNICIPALITY], Municipality, "code"),
                                   deleted["municipality"], _municipality_names)
    return [
        count_table(scope, "intakes-by-route", _("Intakes by route"), routes, _("Intakes")),
        count_table(scope, "intakes-by-target-group", _("Intakes by target group or theme"), groups, _("Intakes")),
        count_table(scope, "intakes-by-municipality", _("Intakes by municipality"), municipalities, _("Intakes")),
    ], sum(n for _k, _l, n in routes)


def triage_tables(scope: Scope, figures: Figures, deleted: Deleted) -> tuple[list[Table], int]:
    by_outcome = figures.counts[monthly.TRIAGE_OUTCOME]
    outcomes = _with_deleted([(s.value, str(s.label), by_outcome.get(s.value, 0))
                              for s in (Status.ADMITTED, Status.ADVICE_GIVEN, Status.ROUTED, Status.DECLINED)],
                             deleted["triage_outcome"])
    by_type = _by_count_then_name(figures.counts[monthly.ADMITTED_MEETING_TYPE], MeetingType, "pk",
                                  _("No meeting type"))
    by_type = _with_deleted(by_type, deleted["admitted_meeting_type"], _meeting_type_names)
    tables = [
        count_table(scope, "triage-outcomes", _("Triage outcomes"), outcomes, _("Decisions")),
        count_table(scope, "admissions", _("Admissions by meeting type"), by_type, _("Admissions")),
    ]
    return tables, sum(n for _k, _l, n in outcomes)


def status_table(scope: Scope, period: Period, deleted: Deleted) -> tuple[Table, int]:
    """Every case filed before the end of the period, by its status at that moment.

    A period that ends in the future ends with the cases' current status: one grouped count instead
    of a status-history lookup per case (the common case: the default period ends today).
    """
    cases = scope_cases(scope).filter(filed_at__lt=period.end).order_by()
    if period.end > timezone.now():
        counts = dict(cases.values_list("status").annotate(n=DbCount("id")))
    else:
        latest = (StatusChange.objects.filter(case=OuterRef("pk"), changed_at__lt=period.end)
                  .order_by("-changed_at", "-id").values("to_status")[:1])
        counts = dict(cases.annotate(status_then=Coalesce(Subquery(latest), Value(Status.SUBMITTED.value)))
                      .values_list("status_then").annotate(n=DbCount("id")))
    for status, n in deleted["status_at_end"].items():
        counts[status] = counts.get(status, 0) + n
    rows = [(s.value, str(s.label), counts.get(s.value, 0)) for s in Status]
    open_count = sum(counts.get(s, 0) for s in ACTIVE_STATUSES)
    table = count_table(scope, "status-at-end", _("Cases by status at the end of the period"), rows, _("Cases"))
    return table, open_count


def closure_tables(scope: Scope, figures: Figures, deleted: Deleted) -> tuple[list[Table], int]:
    tally: dict[str, int] = {}
    for code, n in figures.counts[monthly.CLOSURE_OUTCOME].items():
        label = sources.closure_outcome_label(code)
        tally[label] = tally.get(label, 0) + n
    outcome_rows = [(label, label, n) for label, n in sorted(tally.items(), key=lambda i: (-i[1], i[0])) if n]
    closed = sum(tally.values())
    deleted_closed = deleted["closed"].get("closed", 0)
    if deleted_closed:
        outcome_rows.append(("deleted", _("Closed, since deleted (outcome not kept)"), deleted_closed))
    closed_table = count_table(scope, "closures", _("Cases closed in the period, by outcome"), outcome_rows,
                               _("Closed"))
    durations = figures.durations
    rows = [
        _duration_row(scope, "filed-triaged", _("Filed → triage decision"), durations[monthly.FILED_TRIAGED]),
        _duration_row(scope, "triaged-adopted", _("Triage decision → plan adopted"),
                      durations[monthly.TRIAGED_ADOPTED]),
        _duration_row(scope, "adopted-closed", _("Plan adopted → closed"), durations[monthly.ADOPTED_CLOSED]),
        _duration_row(scope, "filed-closed", _("Filed → closed"), durations[monthly.FILED_CLOSED]),
    ]
    throughput = Table("throughput", _("Throughput in days"),
                       [Column("cases", _("Cases")), Column("median", _("Median (days)"), "days"),
                        Column("p90", _("90th percentile (days)"), "days")], rows, chart_column=1,
                       note=_("Deleted cases keep only months, so they are not part of these durations."))
    return [closed_table, throughput], closed + deleted_closed


def _unavailable(slug: str, title: str, columns: list[Column]) -> Table:
    return Table(slug, title, columns, [], available=False, note=_("Not recorded yet in this installation."))


def partner_tables(scope: Scope, period: Period, figures: Figures) -> list[Table]:
    case_ids = scope_cases(scope).values("pk")
    columns = [Column("due", _("Agreements due")), Column("kept", _("Kept on time")),
               Column("share", _("Share kept on time"), "percent")]
    due_by_id, kept_by_id = figures.counts[monthly.AGREEMENTS_DUE], figures.counts[monthly.AGREEMENTS_KEPT]
    ids = [int(key) for key, n in due_by_id.items() if n]
    rows = []
    for pk, name in Organisation.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name"):
        due, kept = due_by_id[str(pk)], kept_by_id.get(str(pk), 0)
        share = safe_ratio(kept, due, threshold=scope.threshold)
        rows.append(Row(name, name, [suppress(due, threshold=scope.threshold),
                                     suppress(kept, threshold=scope.threshold),
                                     None if share is None else round(100 * share, 0)]))
    kept_table = Table("agreements", _("Agreements kept on time per partner organisation"), columns, rows,
                       chart_column=2)
    escalations = sources.escalations(case_ids, period.date_from, period.date_to)
    if escalations is None:
        escalation_table = _unavailable("escalations", _("Escalations"), [Column("count", _("Escalations"))])
    else:
        escalation_table = count_table(scope, "escalations", _("Escalations"),
                                       [(e["label"], e["label"], e["count"]) for e in escalations],
                                       _("Escalations"))
    steps = sources.stappenmeter(case_ids, period.date_from, period.date_to)
    step_columns = [Column("responses", _("Responses")), Column("mean", _("Mean score"), "number")]
    if steps is None:
        steps_table = _unavailable("stappenmeter", _("Stappenmeter results"), step_columns)
    else:
        steps_table = Table("stappenmeter", _("Stappenmeter results"), step_columns, [
            Row(s["label"], s["label"], [suppress(s["responses"], threshold=scope.threshold),
                                         None if s["responses"] < scope.threshold or s["mean"] is None
                                         else round(s["mean"], 1)])
            for s in steps], chart_column=1)
    return [kept_table, escalation_table, steps_table]


def _headline(scope: Scope, filed: int, decided: int, open_count: int, closed: int) -> Table:
    return count_table(scope, "headline", _("In short"), [
        ("filed", _("Intakes filed"), filed),
        ("triaged", _("Triage decisions"), decided),
        ("open", _("Open at the end of the period"), open_count),
        ("closed", _("Closed in the period"), closed),
    ], _("Cases"), parts_of_total=False)


def _period_sources(scope: Scope, period: Period) -> tuple[Figures, Deleted]:
    deleted = sources.deleted_case_figures(scope.sorted_house_ids, scope.municipality_id, period.date_from,
                                           period.date_to)
    figures = summary.period_figures(scope.sorted_house_ids, scope.municipality_id, period.date_from,
                                     period.date_to)
    return figures, deleted


@reads_from_replica
def dashboard_for(scope: Scope, period: Period) -> Dashboard:
    figures, deleted = _period_sources(scope, period)
    intake, filed = intake_tables(scope, figures, deleted)
    triage, decided = triage_tables(scope, figures, deleted)
    statuses, open_count = status_table(scope, period, deleted)
    closing, closed = closure_tables(scope, figures, deleted)
    partners = partner_tables(scope, period, figures)
    headline = _headline(scope, filed, decided, open_count, closed)
    from opencasus.reporting.selectors.childtrack import child_track_tables  # these build on count_table
    from opencasus.reporting.selectors.crisis import crisis_lane_tables
    from opencasus.reporting.selectors.followup import followup_tables
    from opencasus.reporting.selectors.groups import group_tables
    from opencasus.reporting.selectors.topx import topx_tables

    return Dashboard(scope, period, headline, [*intake, *triage, *crisis_lane_tables(scope, period), statuses,
                                               *closing, *partners, *followup_tables(scope, period),
                                               *child_track_tables(scope, period), *group_tables(scope, period),
                                               *topx_tables(scope, period)])


@reads_from_replica
def headline_for(scope: Scope, period: Period) -> Table:
    """Only the dashboard's "in short" table (the start page's key figures), without the other tables."""
    figures, deleted = _period_sources(scope, period)
    _intake, filed = intake_tables(scope, figures, deleted)
    _triage, decided = triage_tables(scope, figures, deleted)
    _statuses, open_count = status_table(scope, period, deleted)
    _closing, closed = closure_tables(scope, figures, deleted)
    return _headline(scope, filed, decided, open_count, closed)


def house_dashboard(*, actor: User, house_id: int, date_from: dt.date, date_to: dt.date) -> Dashboard:
    """The house (location) dashboard: the selector the benchmark times. Raises Http404 when hidden."""
    return dashboard_for(house_scope(actor=actor, house_id=house_id), make_period(date_from, date_to))
