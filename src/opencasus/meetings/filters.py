"""The query parameters of the meeting, self-report and confirmation lists (API and pages)."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.meetings.models import Confirmation, ConfirmationStatus, Meeting, MeetingStatus, SelfReport


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


class ConfirmationFilter(FilterSet):
    """The confirmations list (page `/bevestigingen/` and `GET /api/v1/confirmations`): a status, only those past
    their deadline, and only those the caller's organisation is asked for."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=ConfirmationStatus.choices, empty_label="—")
    overdue = FlagFilter(label=_("Only past their deadline"))
    mine = FlagFilter(label=_("Only those my organisation is asked for"))

    class Meta:
        model = Confirmation
        form = Form
        fields: ClassVar[list[str]] = []
