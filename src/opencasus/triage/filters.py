"""The query parameters of the triage queue."""

from __future__ import annotations

from typing import ClassVar

from opencasus.cases.models import Case
from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form


class TriageQueueFilter(FilterSet):
    class Meta:
        model = Case
        form = Form
        fields: ClassVar[list[str]] = []


TriageQueueFilter.base_filters["houseId"] = IdFilter(
    help_text="Only this house (404 when the caller is not core staff of it)")
