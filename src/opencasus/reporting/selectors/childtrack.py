"""Management information on the Kindspoor (`opencasus.childtrack`): the children of domestic-violence cases
with a child check recorded in the period, how many were seen and heard, and the help offered to their families.
Only houses that run the Kindspoor are counted; counts only, each through `core.aggregates` suppression."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope
from opencasus.childtrack.models import ChildCheck
from opencasus.network.approaches import houses_running
from opencasus.network.models import Approach
from opencasus.reporting.figures import Table
from opencasus.reporting.selectors.dashboard import count_table
from opencasus.reporting.selectors.period import Period


def checks_in_scope(scope: Scope, period: Period) -> QuerySet[ChildCheck]:
    houses = houses_running(approach=Approach.CHILD_TRACK, house_ids=scope.house_ids)
    qs = ChildCheck.objects.filter(house_id__in=sorted(houses), recorded_at__gte=period.start,
                                   recorded_at__lt=period.end)
    if scope.municipality_id is not None:
        qs = qs.filter(case__municipality_id=scope.municipality_id)
    return qs


def child_track_tables(scope: Scope, period: Period) -> list[Table]:
    """The Kindspoor table, or none when no house in scope runs the Kindspoor."""
    if not houses_running(approach=Approach.CHILD_TRACK, house_ids=scope.house_ids):
        return []
    checks = checks_in_scope(scope, period)
    helped = checks.filter(help_offered=True)
    return [count_table(scope, "child-track", _("Kindspoor"), [
        ("children_checked", _("Children with a child check"), checks.count()),
        ("children_reached", _("Children seen and heard"), checks.filter(seen_and_heard=True).count()),
        ("children_help_offered", _("Children whose family was offered help"), helped.count()),
        ("families_help_offered", _("Families offered help"), helped.values("case_id").distinct().count()),
        ("veilig_thuis", _("Children with Veilig Thuis involved"), checks.filter(veilig_thuis_involved=True).count()),
        ("board", _("Children with the Child Protection Board involved"), checks.filter(board_involved=True).count()),
    ], _("Number"), note=_("Child checks recorded in the period, in cases of domestic violence with children under "
                           "18."), parts_of_total=False)]
