"""Checks for dates that people type, shared by forms and serializers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone, translation
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


def _localised(value: Any) -> Any:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def long_date(value: Any) -> str:
    """"3 december 2026" in Dutch, "3 December 2026" in English (also of an ISO date text, as stored in JSON);
    empty for no date."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return ""
    if not isinstance(value, dt.date):
        return ""
    return dateformat.format(_localised(value), "j F Y")


# Dutch month abbreviations as the Taalunie writes them (Django's "N" drops the full stop).
_NL_MONTHS_SHORT = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


def short_date(value: Any) -> str:
    """"di 8 dec." in Dutch (weekday, day, abbreviated month), "Tue 8 Dec" in English; empty for no date."""
    if not isinstance(value, dt.date):
        return ""
    value = _localised(value)
    if (translation.get_language() or "nl").startswith("nl"):
        return f"{dateformat.format(value, 'D j')} {_NL_MONTHS_SHORT[value.month - 1]}"
    return dateformat.format(value, "D j M")


def date_time(value: Any) -> str:
    """"3 december 2026, 14:05" in the configured time zone; a date alone as `long_date`."""
    if not isinstance(value, dt.datetime):
        return long_date(value)
    return dateformat.format(_localised(value), "j F Y, H:i")


def add_working_days(start: dt.date, days: int) -> dt.date:
    """`days` working days after `start`. Working days are Monday to Friday: the project keeps no calendar of
    public holidays, so a holiday on a weekday counts as a working day."""
    current = start
    while days > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
