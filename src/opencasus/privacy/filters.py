"""The query parameters of the processing-log search (API)."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, IdFilter
from opencasus.core.forms import Form
from opencasus.logbook.models import Action, ProcessingRecord


class ProcessingLogFilter(FilterSet):
    action = django_filters.ChoiceFilter(label=_("action"), choices=Action.choices)

    class Meta:
        model = ProcessingRecord
        form = Form
        fields: ClassVar[list[str]] = []


ProcessingLogFilter.base_filters.update({
    "houseId": IdFilter(help_text="Only this house (where you are privacy officer); default: all of them"),
    "dataSubject": django_filters.UUIDFilter(help_text="Pseudonym of the data subject"),
    "userId": IdFilter(help_text="The acting professional"),
    "organisationId": IdFilter(help_text="The professional's organisation"),
    "caseId": IdFilter(help_text="The case"),
    "fromDate": django_filters.DateFilter(help_text="From this day (inclusive)"),
    "toDate": django_filters.DateFilter(help_text="Until this day (inclusive)"),
})
