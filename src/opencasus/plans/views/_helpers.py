"""Shared view helpers: service errors onto forms (a conflict keeps the input; the status as in the API)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opencasus.core.api.problems import domain_error_status
from opencasus.core.forms import apply_errors


def run(form: forms.Form, call: Callable[[], Any]) -> tuple[Any, int]:
    """Call a service; on a ValidationError put its messages on the form. Returns (result, status)."""
    try:
        return call(), 200
    except ValidationError as exc:
        apply_errors(form, exc)
        return None, domain_error_status(exc)


def version_of(form: forms.Form) -> int | None:
    value = form.cleaned_data.get("version")
    return int(value) if value not in (None, "") else None
