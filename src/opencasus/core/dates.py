"""Checks for dates that people type, shared by forms and serializers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_BIRTH = dt.date(1900, 1, 1)


def refuse_implausible_birth_date(value: Any) -> None:
    """Field validator: a date of birth lies neither in the future nor before 1900 (also in a search,
    where it could match no one)."""
    if not isinstance(value, dt.date):
        return
    if value > timezone.localdate():
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if value < EARLIEST_BIRTH:
        raise ValidationError(_("The date of birth is not plausible."), code="implausible")
