"""Query parameters of lists as django-filter FilterSets: declared once per resource, read by the API list
and by the HTML list of the same resource, documented in the OpenAPI document by drf-spectacular's
django-filter support. A value that cannot be read answers 400 with invalidParams (a page: a Dutch
message on the form), never silently the default.

A FilterSet here only reads and checks the parameters (`filter_values`); the selector that applies the
access policy gets the values and does the filtering."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from opencasus.core.forms import Form


class FlagInput(forms.CheckboxInput):
    """A checkbox on a page (`on`), `true`/`false` in the API; the raw value goes to the field to check."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data


class FlagField(forms.Field):
    widget = FlagInput
    default_error_messages = {"invalid": _("Use true or false.")}

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).lower()
        if text in {"true", "1", "on"}:
            return True
        if text in {"false", "0"}:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class FlagFilter(django_filters.BooleanFilter):
    field_class = FlagField


@extend_schema_field({"type": "integer", "minimum": 1})
class IdFilter(django_filters.NumberFilter):
    """The id of a record: a whole number (not a fraction, not negative)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        super().__init__(*args, **kwargs)


class FilterSet(django_filters.FilterSet):
    class Meta:
        form = Form
        fields: list[str] = []


class FilterBackend(DjangoFilterBackend):
    """Names the FilterSet of an API list for the OpenAPI document and checks the parameters; the view
    reads them with `filter_values` and hands them to its selector, which filters (after the access policy)."""

    def filter_queryset(self, request: Any, queryset: Any, view: Any) -> Any:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            filter_values(filterset_class, request.query_params)
        return queryset


def filter_values(filterset_class: type[FilterSet], params: Mapping[str, Any]) -> dict[str, Any]:
    """The checked values of the parameters; 400 with invalidParams for one that cannot be read. A FilterSet
    without a model reads the parameters of a view that is not a list of records (management information)."""
    # django-filter reads `queryset.model` only; without a model there are no records to filter.
    records = SimpleNamespace(model=None) if filterset_class._meta.model is None else None
    filterset = filterset_class(data=params, queryset=records)
    if not filterset.is_valid():
        raise ValidationError({name: [str(e) for e in errors] for name, errors in filterset.errors.items()})
    return dict(filterset.form.cleaned_data)
