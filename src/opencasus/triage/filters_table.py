"""The query parameters of the triage table's lists (standing members, sessions, information requests)."""

from __future__ import annotations

from typing import ClassVar

import django_filters

from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.triage.models import InformationRequest, RequestStatus, SessionStatus, StandingMember, TriageSession


class StandingMemberFilter(FilterSet):
    class Meta:
        model = StandingMember
        form = Form
        fields: ClassVar[list[str]] = []


StandingMemberFilter.base_filters["houseId"] = IdFilter(
    help_text="The house (required; 404 when the caller is neither process director nor house manager of it)")
StandingMemberFilter.base_filters["includeEnded"] = FlagFilter(help_text="Also the seats that ended")


class SessionFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=SessionStatus.choices, help_text="Only sessions with this status")

    class Meta:
        model = TriageSession
        form = Form
        fields: ClassVar[list[str]] = []


SessionFilter.base_filters["houseId"] = IdFilter(help_text="Only this house")


class InformationRequestFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=RequestStatus.choices, help_text="Only requests with this status")
    overdue = FlagFilter(help_text="Only open requests past their due date (true), or none of those (false)")

    class Meta:
        model = InformationRequest
        form = Form
        fields: ClassVar[list[str]] = []


InformationRequestFilter.base_filters["houseId"] = IdFilter(help_text="Only this house")
InformationRequestFilter.base_filters["caseId"] = IdFilter(help_text="Only this intake")
