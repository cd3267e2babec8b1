"""Query parameters of the Top X lists, shared by the pages and the API."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _

from opencasus.core.api.filters import FilterSet, FlagFilter, IdFilter
from opencasus.core.forms import Form
from opencasus.topx.models import Candidate, TopXList
from opencasus.topx.vocabulary import UNDER_REVIEW, UNDER_REVIEW_LABEL, Stage

STAGE_CHOICES = [(Stage.PROPOSED.value, Stage.PROPOSED.label), (Stage.INCLUDED.value, Stage.INCLUDED.label),
                 (UNDER_REVIEW, UNDER_REVIEW_LABEL), (Stage.EXITED.value, Stage.EXITED.label),
                 (Stage.NOT_INCLUDED.value, Stage.NOT_INCLUDED.label)]


class TopXListFilter(FilterSet):
    active = FlagFilter(label=_("Only active lists"))

    class Meta:
        model = TopXList
        form = Form
        fields: ClassVar[list[str]] = []


class CandidateFilter(FilterSet):
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=STAGE_CHOICES, empty_label=_("All"))
    overdue = FlagFilter(label=_("Only reviews overdue"))
    mine = FlagFilter(label=_("Only my proposals"))

    class Meta:
        model = Candidate
        form = Form
        fields: ClassVar[list[str]] = []


TopXListFilter.base_filters["houseId"] = IdFilter(help_text="Only this house")
CandidateFilter.base_filters["houseId"] = IdFilter(help_text="Only this house")
CandidateFilter.base_filters["listId"] = IdFilter(help_text="Only this Top X list")
