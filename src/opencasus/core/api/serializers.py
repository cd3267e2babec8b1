"""The base of every serializer: writable text fields refuse control characters (also in multipart
bodies, which the JSON parser does not see) and never go without a maximum length: free text gets
`LONG_TEXT_MAX_LENGTH` unless the field declares less; whole numbers stay within `INTEGER_MAX` (see
`opencasus.core.text`)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db.models import Model
from rest_framework import serializers
from rest_framework.utils.formatting import lazy_format

from opencasus.core.text import (
    INTEGER_MAX,
    LONG_TEXT_MAX_LENGTH,
    NAME_MAX_LENGTH,
    refuse_control_characters,
    refuse_line_breaks,
)

_T = TypeVar("_T")
_M = TypeVar("_M", bound=Model)


def limit_integer_field(field: Any) -> None:
    if isinstance(field, serializers.IntegerField) and not field.read_only and field.max_value is None:
        field.max_value = INTEGER_MAX
        template: Any = field.error_messages["max_value"]
        message: Any = lazy_format(template, max_value=INTEGER_MAX)
        field.validators = [*field.validators, MaxValueValidator(INTEGER_MAX, message=message)]


def limit_text_field(field: Any) -> None:
    if isinstance(field, serializers.ListField):
        limit_text_field(field.child)
        return
    limit_integer_field(field)
    if not isinstance(field, serializers.CharField) or field.read_only:
        return
    validators = list(field.validators)
    if refuse_control_characters not in validators:
        validators.append(refuse_control_characters)
    # A name or a code (at most NAME_MAX_LENGTH, not a text area) holds one line, as its form field does.
    single_line = (field.style.get("base_template") != "textarea.html" and field.max_length is not None
                   and field.max_length <= NAME_MAX_LENGTH)
    if single_line and refuse_line_breaks not in validators:
        validators.append(refuse_line_breaks)
    if field.max_length is None:
        field.max_length = LONG_TEXT_MAX_LENGTH
        template: Any = field.error_messages["max_length"]
        message: Any = lazy_format(template, max_length=LONG_TEXT_MAX_LENGTH)  # as DRF does itself
        validators.append(MaxLengthValidator(LONG_TEXT_MAX_LENGTH, message=message))
    field.validators = validators


def _limited(fields: Any) -> Any:
    for field in fields.values():
        limit_text_field(field)
    return fields


class Serializer(serializers.Serializer[_T]):
    def get_fields(self) -> Any:
        return _limited(super().get_fields())


class ModelSerializer(serializers.ModelSerializer[_M]):
    def get_fields(self) -> Any:
        return _limited(super().get_fields())


def blank_as_null(data: Any, *names: str) -> Any:
    """An optional value that is not set reads as null, not as "" (which is no member of an enum, no URI)."""
    for name in names:
        if data.get(name) == "":
            data[name] = None
    return data
