"""The query parameters of the agreement and escalation lists (API and pages)."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.plans.models import Agreement, Escalation
from opencasus.plans.vocabulary import AgreementStatus, EscalationLevel, EscalationStatus


class AgreementFilter(FilterSet):
    """What the page "My agreements" and the API list share: a status and only the overdue ones."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=AgreementStatus.choices, empty_label="—")
    overdue = FlagFilter(label=_("Only overdue"))

    class Meta:
        model = Agreement
        form = Form
        fields: ClassVar[list[str]] = []


class MyAgreementsFilter(AgreementFilter):
    """The page besides: only those due soon, and all agreements of the cases the reader sees instead of only
    their own (the counts of the start page link here)."""

    due_soon = FlagFilter(label=_("Only due within two weeks"))
    all_cases = FlagFilter(label=_("All agreements of the cases I see, not only mine"))


class AgreementListFilter(AgreementFilter):
    """The API list besides: one case, and everything visible instead of only the caller's own."""

    class Meta(AgreementFilter.Meta):
        pass


AgreementListFilter.base_filters["caseId"] = IdFilter(label=_("case"))
AgreementListFilter.base_filters["mine"] = FlagFilter(label=_("only my agreements (default)"))


class EscalationFilter(FilterSet):
    level = django_filters.ChoiceFilter(label=_("Level"), choices=EscalationLevel.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EscalationStatus.choices)

    class Meta:
        model = Escalation
        form = Form
        fields: ClassVar[list[str]] = []


class NationalEscalationFilter(FilterSet):
    """The national programme's list of national escalations: by status and by safety region."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=EscalationStatus.choices)
    regionCode = django_filters.CharFilter(label=_("Safety region code (VR01 to VR25)"), max_length=4)  # noqa: N815

    class Meta:
        model = Escalation
        form = Form
        fields: ClassVar[list[str]] = []
