"""Management information on the follow-through (`opencasus.followup`): check-backs after routing or advice,
feedback at closure, monitoring after hand-down, and anonymous consultations per month and type of the asking
organisation. Counts only; every count passes `core.aggregates` (secondary suppression within a row)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count as DbCount
from django.db.models import QuerySet
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope
from opencasus.core.aggregates import suppress, suppress_complementary
from opencasus.followup.models import CheckBack, ClosureFeedback, Consultation, MonitoringPeriod
from opencasus.followup.vocabulary import CheckBackStatus
from opencasus.network.models import OrganisationType
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.selectors.dashboard import count_table
from opencasus.reporting.selectors.period import Period


def _in_scope(qs: QuerySet, scope: Scope, municipality_field: str) -> QuerySet:  # type: ignore[type-arg]
    qs = qs.filter(house_id__in=scope.sorted_house_ids)
    if scope.municipality_id is not None:
        qs = qs.filter(**{municipality_field: scope.municipality_id})
    return qs


def follow_through_table(scope: Scope, period: Period) -> Table:
    check_backs = _in_scope(CheckBack.objects.all(), scope, "case__municipality_id")
    in_period = check_backs.filter(due_date__gte=period.date_from, due_date__lte=period.date_to)
    resolved = check_backs.filter(resolved_at__gte=period.start, resolved_at__lt=period.end)
    today = min(timezone.localdate(), period.date_to)
    monitoring = _in_scope(MonitoringPeriod.objects.all(), scope, "municipality_id")
    return count_table(scope, "follow-through", _("Follow-through"), [
        ("check_backs_due", _("Check-backs due in the period"), in_period.count()),
        ("picked_up", _("Check-backs: picked up"), resolved.filter(status=CheckBackStatus.CONFIRMED).count()),
        ("reopened", _("Check-backs: question reopened"), resolved.filter(status=CheckBackStatus.REOPENED).count()),
        ("overdue", _("Check-backs past their date, not done"),
         in_period.filter(status=CheckBackStatus.OPEN, due_date__lt=today).count()),
        ("closure_feedback", _("Closures fed back to filer and municipality"),
         _in_scope(ClosureFeedback.objects.all(), scope, "municipality_id")
         .filter(closed_on__gte=period.date_from, closed_on__lte=period.date_to).count()),
        ("monitoring_started", _("Cases handed down under monitoring"),
         monitoring.filter(starts_on__gte=period.date_from, starts_on__lte=period.date_to).count()),
        ("last_checks", _("Last checks of monitoring done"),
         monitoring.filter(checked_at__gte=period.start, checked_at__lt=period.end).count()),
    ], _("Number"), parts_of_total=False)


def consultation_table(scope: Scope, period: Period) -> Table:
    qs = _in_scope(Consultation.objects.all(), scope, "municipality_id").filter(
        asked_at__gte=period.start, asked_at__lt=period.end)
    counts: Counter[tuple[dt.date, str]] = Counter()
    grouped = (qs.annotate(month=TruncMonth("asked_at")).values("month", "organisation__type").order_by()
               .annotate(n=DbCount("id")))
    for item in grouped:
        month = item["month"]
        day = timezone.localdate(month) if isinstance(month, dt.datetime) else month
        counts[(day.replace(day=1), item["organisation__type"])] += item["n"]
    kinds = sorted({kind for _m, kind in counts}, key=lambda k: str(OrganisationType(k).label))
    columns = [Column(kind, str(OrganisationType(kind).label)) for kind in kinds]
    columns.append(Column("total", _("Total")))
    rows = []
    for month in sorted({m for m, _k in counts}):
        parts = {kind: counts.get((month, kind), 0) for kind in kinds}
        shown = suppress_complementary(parts, threshold=scope.threshold)
        total = sum(parts.values())
        rows.append(Row(month.strftime("%Y-%m"), formats.date_format(month, "F Y"),
                        [*(shown[kind] for kind in kinds), suppress(total, threshold=scope.threshold)]))
    return Table("consultations", _("Anonymous consultations per month and type of organisation"), columns, rows,
                 chart_column=len(columns) - 1,
                 note=_("Questions partners put to the house without naming anyone."))


def followup_tables(scope: Scope, period: Period) -> list[Table]:
    return [follow_through_table(scope, period), consultation_table(scope, period)]
