"""Query parameters of the API: a value that cannot be read answers 400 with invalidParams, never silently
the default."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError


def choice_param(params: Mapping[str, Any], name: str, choices: Collection[str]) -> str | None:
    value = params.get(name) or None
    if value is not None and value not in choices:
        raise ValidationError({name: [_("Unknown value: choose one of %(choices)s.") % {
            "choices": ", ".join(sorted(choices))}]})
    return value


def int_param(params: Mapping[str, Any], name: str) -> int | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    if not str(value).isdigit():
        raise ValidationError({name: [_("Give a whole number.")]})
    return int(str(value))


def bool_param(params: Mapping[str, Any], name: str) -> bool | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ValidationError({name: [_("Use true or false.")]})
