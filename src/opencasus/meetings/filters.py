"""The query parameters of the meeting and self-report lists."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form
from opencasus.meetings.models import Meeting, MeetingStatus, SelfReport


class MeetingFilter(FilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=MeetingStatus.choices)

    class Meta:
        model = Meeting
        form = Form
        fields: ClassVar[list[str]] = []


class SelfReportFilter(FilterSet):
    class Meta:
        model = SelfReport
        form = Form
        fields: ClassVar[list[str]] = []


SelfReportFilter.base_filters["caseId"] = IdFilter(help_text="Only this case")
