"""Query parameters of the follow-through lists, shared by the pages and the API."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.followup.models import CheckBack, Consultation, MonitoringPeriod
from opencasus.followup.vocabulary import CheckBackStatus, ConsultationStatus, MonitoringStatus


class CheckBackFilter(FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CheckBackStatus.choices,
                                       empty_label=_("All"))
    due = FlagFilter(label=_("Only those due (date reached, not checked yet)"))

    class Meta:
        model = CheckBack
        form = Form
        fields: ClassVar[list[str]] = []


class MonitoringFilter(FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MonitoringStatus.choices,
                                       empty_label=_("All"))
    due = FlagFilter(label=_("Only those whose last check is due"))

    class Meta:
        model = MonitoringPeriod
        form = Form
        fields: ClassVar[list[str]] = []


class ConsultationFilter(FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ConsultationStatus.choices,
                                       empty_label=_("All"))

    class Meta:
        model = Consultation
        form = Form
        fields: ClassVar[list[str]] = []


HOUSE_HELP = "Only this house"
for _filterset in (CheckBackFilter, MonitoringFilter, ConsultationFilter):
    _filterset.base_filters["houseId"] = IdFilter(help_text=HOUSE_HELP)
