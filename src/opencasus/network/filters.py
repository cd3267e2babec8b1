"""The query parameters of the municipality list."""

from __future__ import annotations

from typing import ClassVar

import django_filters

from opencasus.core.api.filters import FilterSet
from opencasus.core.forms import Form
from opencasus.network.models import Municipality


class MunicipalityFilter(FilterSet):
    class Meta:
        model = Municipality
        form = Form
        fields: ClassVar[list[str]] = []


MunicipalityFilter.base_filters["regionCode"] = django_filters.CharFilter(
    max_length=8, help_text="Only this region (VR01..VR25)")
