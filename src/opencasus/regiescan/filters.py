"""Query parameters of the list of regie scans."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form
from opencasus.regiescan.models import ScanStatus, Submission


class ScanFilter(FilterSet):
    year = django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=9999,
                                       help_text="Only scans of this year")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ScanStatus.choices, empty_label=_("All"),
                                         help_text="Only scans with this status")

    class Meta:
        model = Submission
        form = Form
        fields: ClassVar[list[str]] = []


ScanFilter.base_filters["houseId"] = IdFilter(help_text="Only scans of this house")
