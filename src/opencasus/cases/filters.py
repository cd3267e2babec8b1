"""The query parameters of the case list."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Route, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core.api.filters import FilterSet, FlagFilter
from opencasus.core.forms import Form


class CaseFilter(FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    route = django_filters.ChoiceFilter(label=_("Route"), choices=Route.choices)

    class Meta:
        model = Case
        form = Form
        fields: ClassVar[list[str]] = []


CaseFilter.base_filters["directedByMe"] = FlagFilter(
    label=_("Only cases the caller directs as process director"))
CaseFilter.base_filters["subjectType"] = django_filters.ChoiceFilter(label=_("Subject"), choices=SubjectType.choices)
