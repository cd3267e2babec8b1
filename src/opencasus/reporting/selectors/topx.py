"""Management information on the Top X approach (`opencasus.topx`): per list the candidates proposed, included and
exited in the period, and the reviews overdue now. Counts only, each through `core.aggregates.suppress`; only
houses that run Top X; a municipality scope counts the lists of that municipality."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope
from opencasus.core.aggregates import suppress
from opencasus.network.approaches import houses_running
from opencasus.network.models import Approach
from opencasus.reporting.figures import Column, Row, Table
from opencasus.reporting.selectors.period import Period
from opencasus.topx.models import Candidate, TopXList
from opencasus.topx.vocabulary import Stage


def topx_table(scope: Scope, period: Period) -> Table | None:
    houses = houses_running(approach=Approach.TOP_X, house_ids=scope.house_ids)
    if not houses:
        return None
    lists = TopXList.objects.filter(house_id__in=houses).order_by("name", "id")
    if scope.municipality_id is not None:
        lists = lists.filter(municipality_id=scope.municipality_id)
    today = min(timezone.localdate(), period.date_to)
    columns = [Column("proposed", _("Proposed")), Column("included", _("Included")), Column("exited", _("Exited")),
               Column("overdue", _("Reviews late"))]
    rows = []
    for topx_list in lists:
        qs = Candidate.objects.filter(topx_list=topx_list)
        counts = [
            qs.filter(proposed_at__gte=period.start, proposed_at__lt=period.end).count(),
            qs.filter(decided_at__gte=period.start, decided_at__lt=period.end).filter(
                Q(stage=Stage.INCLUDED) | Q(stage=Stage.EXITED)).count(),
            qs.filter(stage=Stage.EXITED, exited_on__gte=period.date_from, exited_on__lte=period.date_to).count(),
            qs.filter(stage=Stage.INCLUDED, next_review_date__lt=today).count(),
        ]
        rows.append(Row(str(topx_list.pk), topx_list.name, [suppress(n, threshold=scope.threshold) for n in counts]))
    return Table("topx", _("Top X lists"), columns, rows, chart_column=1,
                 note=_("Per list: proposed, included and exited in the period; reviews overdue on the last day."))


def topx_tables(scope: Scope, period: Period) -> list[Table]:
    table = topx_table(scope, period)
    return [table] if table is not None else []
