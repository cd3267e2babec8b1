"""Top X in the management information: counts per list, suppressed below the house's threshold."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.access.reporting import Scope
from opencasus.core.aggregates import Count
from opencasus.reporting.figures import Cell
from opencasus.reporting.selectors.dashboard import dashboard_for
from opencasus.reporting.selectors.period import Period
from opencasus.reporting.selectors.topx import topx_table
from opencasus.topx.models import Candidate
from opencasus.topx.tests.factories import TopxWorld, include, make_topx_world, propose, switch_on

pytestmark = pytest.mark.django_db


def scope_of(w: TopxWorld, threshold: int = 5) -> Scope:
    house = w.triage.house
    return Scope("house", str(house.pk), house.name, frozenset({house.pk}), None, threshold)


def this_year() -> Period:
    today = timezone.localdate()
    return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))


def value(cell: Cell) -> int | None:
    assert isinstance(cell, Count), cell
    return cell.value


def test_counts_per_list_are_suppressed_below_the_threshold() -> None:
    w = make_topx_world()
    candidates = [propose(w, seed=i) for i in range(6)]
    first = include(w, candidates[0])
    Candidate.objects.filter(pk=first.pk).update(next_review_date=timezone.localdate() - dt.timedelta(days=2))
    table = topx_table(scope_of(w), this_year())
    assert table is not None
    row = table.rows[0]
    assert row.label == "Top X Drechtsteden"
    assert [value(c) for c in row.values] == [6, None, 0, None]  # 1 included and 1 overdue: suppressed
    table = topx_table(scope_of(w, threshold=1), this_year())
    assert table is not None
    assert [value(c) for c in table.rows[0].values] == [6, 1, 0, 1]


def test_the_dashboard_has_the_section_only_where_top_x_runs() -> None:
    w = make_topx_world()
    assert "topx" in [t.slug for t in dashboard_for(scope_of(w), this_year()).tables]
    switch_on(w.triage.house.pk, on=False)
    assert "topx" not in [t.slug for t in dashboard_for(scope_of(w), this_year()).tables]
