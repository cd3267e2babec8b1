"""The query parameters of the municipality list."""

from __future__ import annotations

from typing import ClassVar

import django_filters

from opencasus.core.api.filters import FilterSet
from opencasus.core.forms import Form
from opencasus.network.models import Approval, Membership, Municipality, Role


class MunicipalityFilter(FilterSet):
    class Meta:
        model = Municipality
        form = Form
        fields: ClassVar[list[str]] = []


MunicipalityFilter.base_filters["regionCode"] = django_filters.CharFilter(
    max_length=8, help_text="Only this region (VR01..VR25)")


class RoleGrantFilter(FilterSet):
    class Meta:
        model = Membership
        form = Form
        fields: ClassVar[list[str]] = []


RoleGrantFilter.base_filters["approval"] = django_filters.ChoiceFilter(
    choices=Approval.choices, help_text="Only grants in this state (pending, approved, refused)")


class ProfessionalFilter(FilterSet):
    class Meta:
        model = Membership
        form = Form
        fields: ClassVar[list[str]] = []


ProfessionalFilter.base_filters["role"] = django_filters.ChoiceFilter(
    choices=Role.choices, help_text="Only professionals holding this role in the house")
