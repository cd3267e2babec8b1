"""The query parameters of the load over time."""

from __future__ import annotations

from typing import ClassVar

from opencasus.cases.caseload.history import MAX_MONTHS
from opencasus.cases.models import Case
from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form


class LoadHistoryFilter(FilterSet):
    class Meta:
        model = Case
        form = Form
        fields: ClassVar[list[str]] = []


LoadHistoryFilter.base_filters["months"] = IdFilter(
    min_value=1, max_value=MAX_MONTHS,
    help_text=f"How many months back, this month included (1-{MAX_MONTHS}, default 12)")
