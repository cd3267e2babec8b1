"""The query parameters of the management-information API: a period, a house, a month, a municipality.

These views answer aggregates, not a list of records, so the FilterSets have no model; they only read and
check the parameters (`filter_values`). The OpenAPI document names the parameters in the views."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form

WHOLE_NUMBER = {"required": _("Give a whole number."), "invalid": _("Give a whole number."),
                "min_value": _("Give a whole number.")}


class _ParameterFilter(FilterSet):
    class Meta:
        form = Form
        fields: ClassVar[list[str]] = []


class PeriodFilter(_ParameterFilter):
    pass


PeriodFilter.base_filters.update({
    "dateFrom": django_filters.DateFilter(input_formats=["%Y-%m-%d"],
                                          error_messages={"invalid": _("Enter dates as YYYY-MM-DD.")}),
    "dateTo": django_filters.DateFilter(input_formats=["%Y-%m-%d"],
                                        error_messages={"invalid": _("Enter dates as YYYY-MM-DD.")}),
})


class HouseFilter(_ParameterFilter):
    pass


HouseFilter.base_filters["houseId"] = IdFilter(required=True, error_messages=WHOLE_NUMBER)


class TrendSignalFilter(HouseFilter):
    pass


TrendSignalFilter.base_filters.update({
    "houseId": IdFilter(required=True, error_messages=WHOLE_NUMBER),
    "month": django_filters.DateFilter(input_formats=["%Y-%m"],
                                       error_messages={"invalid": _("Give a month as YYYY-MM.")}),
})


class AdviceFilter(_ParameterFilter):
    pass


AdviceFilter.base_filters["municipalityCode"] = django_filters.CharFilter(
    required=True, error_messages={"required": _("Give a municipality code.")})
