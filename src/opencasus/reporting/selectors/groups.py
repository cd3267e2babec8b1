"""Management information on the group approach (`opencasus.groups`): group cases with members, and the members
per role on the last day of the period (those who joined by then and had not left). Counts only; every count passes
`core.aggregates` (the roles as parts of a total, with secondary suppression). Only houses that run the group
approach are counted; a scope without such a house gets no table."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.reporting import Scope
from opencasus.groups.selectors import role_counts
from opencasus.groups.vocabulary import MemberRole
from opencasus.network.approaches import houses_running
from opencasus.network.models import Approach
from opencasus.reporting.figures import Table
from opencasus.reporting.selectors.dashboard import count_table
from opencasus.reporting.selectors.period import Period


def group_tables(scope: Scope, period: Period) -> list[Table]:
    house_ids = sorted(houses_running(approach=Approach.GROUP, house_ids=scope.house_ids))
    if not house_ids:
        return []
    until = min(timezone.localdate(), period.date_to)
    counts = role_counts(house_ids=house_ids, municipality_id=scope.municipality_id, until=until)
    cases = count_table(scope, "group-approach", _("Group approach"), [
        ("group_cases", _("Group cases with members"), counts["group_cases"]),
        ("linked", _("Members with a linked individual case"), counts["linked"]),
    ], _("Number"), parts_of_total=False)
    roles = count_table(scope, "group-roles", _("Group members per role"), [
        (value, str(label), counts["roles"][value]) for value, label in MemberRole.choices],
        _("Members"), note=_("Members on the last day of the period: joined by then and not left."))
    return [cases, roles]
