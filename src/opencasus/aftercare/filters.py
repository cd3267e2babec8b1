"""Query parameters of the after-care lists, shared by the pages and the API."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.aftercare.models import ExpectedRelease, TimelineItem
from opencasus.aftercare.vocabulary import ItemStatus, ReleaseMatch
from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form

DUE_CHOICES = [("overdue", _("Deadline passed")), ("week", _("Due within a week"))]


class ItemFilter(FilterSet):
    due = django_filters.ChoiceFilter(label=_("Deadline"), choices=DUE_CHOICES, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ItemStatus.choices, empty_label=_("All"))

    class Meta:
        model = TimelineItem
        form = Form
        fields: ClassVar[list[str]] = []


class ReleaseFilter(FilterSet):
    match = django_filters.ChoiceFilter(label=_("Status"), choices=ReleaseMatch.choices, empty_label=_("All"))

    class Meta:
        model = ExpectedRelease
        form = Form
        fields: ClassVar[list[str]] = []


class FiguresFilter(FilterSet):
    """The year of the management information (a view of aggregates: no model)."""

    class Meta:
        form = Form
        fields: ClassVar[list[str]] = []


FiguresFilter.base_filters["year"] = IdFilter(help_text="The year (default: this year)")


for _filterset in (ItemFilter, ReleaseFilter):
    _filterset.base_filters["houseId"] = IdFilter(help_text="Only this house")
ReleaseFilter.base_filters["municipalityId"] = IdFilter(help_text="Only this municipality of return")
