"""Choice labels without rebuilding the choices on every `get_FOO_display()` call.

Django's `Model._get_FIELD_display` builds a dict of all of a field's choices on every call, hashing
each lazily translated label (which translates it). A list page shows several such labels per row;
this mixin looks the label up in a table built once per field and language.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import translation
from django.utils.encoding import force_str

_labels: dict[tuple[int, str], dict[Any, str]] = {}


def choice_label(field: models.Field[Any, Any], value: Any) -> Any:
    key = (id(field), translation.get_language() or "")
    labels = _labels.get(key)
    if labels is None:
        labels = {choice: force_str(label) for choice, label in field.flatchoices}
        _labels[key] = labels
    try:
        return labels.get(value, value)
    except TypeError:  # an unhashable value is never a choice
        return value


class ChoiceLabelsMixin:
    """Put before `models.Model` in a model's bases: its `get_FOO_display()` use `choice_label`."""

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:  # noqa: N802 (the name Django calls)
        return force_str(choice_label(field, getattr(self, field.attname)), strings_only=True)
