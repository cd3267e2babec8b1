"""The query parameters of the lists of priority themes, steering meetings and meeting actions (API and pages)."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.governance.models import GovernanceMeeting, MeetingAction, MeetingLevel, PriorityTheme


class ThemeFilter(FilterSet):
    year = django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = PriorityTheme
        form = Form
        fields: ClassVar[list[str]] = []




class MeetingFilter(ThemeFilter):
    level = django_filters.ChoiceFilter(label=_("Level"), choices=MeetingLevel.choices, empty_label="—")

    class Meta:
        model = GovernanceMeeting
        form = Form
        fields: ClassVar[list[str]] = []


# The API's camel-case name (a class attribute would be mixed case); set on each class, because a subclass
# copies the declared filters of its bases, not what was added to their base_filters afterwards.
for _filterset in (ThemeFilter, MeetingFilter):
    _filterset.base_filters["regionId"] = IdFilter(label=_("region"))


class ActionFilter(FilterSet):
    mine = FlagFilter(label=_("Only my actions"))
    overdue = FlagFilter(label=_("Only overdue"))

    class Meta:
        model = MeetingAction
        form = Form
        fields: ClassVar[list[str]] = []
