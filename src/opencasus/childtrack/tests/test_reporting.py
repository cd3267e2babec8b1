"""The management information counts the children reached and the help offered, through the suppression of
`core.aggregates`; a house without the Kindspoor shows no Kindspoor table."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.access.reporting import house_scope
from opencasus.childtrack.tests.factories import make_child_world, record_complete
from opencasus.core.aggregates import Count
from opencasus.network.models import Approach, House, HouseApproach
from opencasus.reporting.selectors.childtrack import child_track_tables
from opencasus.reporting.selectors.period import make_period

pytestmark = pytest.mark.django_db


def _counts(w, threshold: int = 1) -> dict[str, int | None]:  # type: ignore[no-untyped-def]
    House.objects.filter(pk=w.world.house.pk).update(small_count_threshold=threshold)
    today = timezone.localdate()
    scope = house_scope(actor=w.world.manager, house_id=w.world.house.pk)
    tables = child_track_tables(scope, make_period(today - dt.timedelta(days=30), today))
    if not tables:
        return {}
    counts: dict[str, int | None] = {}
    for row in tables[0].rows:
        cell = row.values[0]
        assert isinstance(cell, Count)
        counts[row.key] = cell.value
    return counts


def test_done_when_the_mi_counts_both_children() -> None:
    w = make_child_world()
    assert _counts(w)["children_checked"] == 0
    record_complete(w, w.older)
    record_complete(w, w.younger)
    counts = _counts(w)
    assert counts["children_checked"] == 2
    assert counts["children_reached"] == 2
    assert counts["children_help_offered"] == 2
    assert counts["families_help_offered"] == 1
    assert counts["veilig_thuis"] == 2
    assert counts["board"] == 0


def test_small_counts_are_suppressed() -> None:
    w = make_child_world()
    record_complete(w, w.older)
    counts = _counts(w, threshold=5)
    assert counts["children_checked"] is None
    assert counts["board"] == 0


def test_no_table_when_switched_off() -> None:
    w = make_child_world()
    record_complete(w, w.older)
    HouseApproach.objects.filter(approach=Approach.CHILD_TRACK).update(enabled=False)
    assert _counts(w) == {}
