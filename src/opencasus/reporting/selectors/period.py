"""Reporting periods: from/to dates, inclusive, in the installation's time zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_YEARS = 25


@dataclass(frozen=True)
class Period:
    date_from: dt.date
    date_to: dt.date

    @property
    def start(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date_from, dt.time.min))

    @property
    def end(self) -> dt.datetime:
        """Exclusive: the first moment after the period."""
        return timezone.make_aware(dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time.min))


def default_period(today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(today.replace(year=today.year - 1) + dt.timedelta(days=1), today)


def make_period(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise ValidationError(_("The end date lies before the start date."), code="invalid_period")
    if (end - start).days > MAX_YEARS * 366:
        raise ValidationError(_("Choose a period of at most %(years)s years.") % {"years": MAX_YEARS},
                              code="invalid_period")
    return Period(start, end)


def year_period(year: int) -> Period:
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Choose a year between 2000 and 2100."), code="invalid_year")
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
