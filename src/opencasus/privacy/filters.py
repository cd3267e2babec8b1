"""The query parameters of the privacy officer's API lists: the processing-log search, the house, rights
requests and the audit trail of accounts."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from opencasus.accounts.models import AccountEvent, AccountEventKind
from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.logbook.models import Action, ProcessingRecord
from opencasus.network.models import Role
from opencasus.privacy.models import LogVerification, RetentionPolicy, RetentionRun, RightsRequest, SubjectAccessRequest


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


HOUSE_ID_HELP = "Only this house (where you are privacy officer); default: all of them"


def _house_id() -> IdFilter:
    return IdFilter(help_text=HOUSE_ID_HELP)


def _house_filter(model: type[Model]) -> type[FilterSet]:
    """The lists of the privacy officer: one of their houses (`houseId`), or all of them."""
    meta = type("Meta", (), {"model": model, "form": Form, "fields": []})
    filterset: type[FilterSet] = type(f"{model.__name__}Filter", (FilterSet,), {"Meta": meta, "__module__": __name__})
    filterset.base_filters["houseId"] = _house_id()
    return filterset


RetentionPolicyFilter = _house_filter(RetentionPolicy)
RetentionRunFilter = _house_filter(RetentionRun)
SubjectAccessRequestFilter = _house_filter(SubjectAccessRequest)
LogVerificationFilter = _house_filter(LogVerification)


class RightsRequestFilter(FilterSet):
    class Meta:
        model = RightsRequest
        form = Form
        fields: ClassVar[list[str]] = []


RightsRequestFilter.base_filters.update({"houseId": _house_id(), "open": FlagFilter(help_text="Only open requests")})


class AccountEventFilter(FilterSet):
    class Meta:
        model = AccountEvent
        form = Form
        fields: ClassVar[list[str]] = []


AccountEventFilter.base_filters.update({
    "houseId": _house_id(),
    "person": django_filters.CharFilter(max_length=150, help_text="Part of the name or username of the actor, the "
                                        "person concerned or the approver"),
    "role": django_filters.ChoiceFilter(choices=Role.choices, help_text="The role concerned"),
    "kind": django_filters.ChoiceFilter(choices=AccountEventKind.choices, help_text="The kind of event"),
    "fromDate": django_filters.DateFilter(help_text="From this day (inclusive)"),
    "toDate": django_filters.DateFilter(help_text="Until this day (inclusive)"),
})
