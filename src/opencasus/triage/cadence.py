"""The triage cadence: which triage table (weegoverleg) an intake goes to.

A house meets on `triage_weekday`. Each meeting takes the intakes filed before its cut-off: the
latest `triage_cutoff_weekday` at `triage_cutoff_time` on or before the meeting day (Europe/Amsterdam,
so the cut-off follows summer time). With the defaults, an intake filed before Monday 12:00 goes to
Tuesday's table; one filed later goes to the table a week after.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from opencasus.network.models import House

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def cutoff_for(house: House, table_date: dt.date) -> dt.datetime:
    """The moment before which an intake must be filed to be on the table of `table_date`."""
    days_before = (table_date.weekday() - house.triage_cutoff_weekday) % 7
    day = table_date - dt.timedelta(days=days_before)
    return dt.datetime.combine(day, house.triage_cutoff_time, tzinfo=AMSTERDAM)


def triage_date_for(house: House, filed_at: dt.datetime) -> dt.date:
    """The date of the first triage table whose cut-off comes after `filed_at`."""
    filed = filed_at.astimezone(AMSTERDAM)
    table = _on_or_after(filed.date(), house.triage_weekday)
    while filed >= cutoff_for(house, table):
        table += dt.timedelta(days=7)
    return table


def next_table_date(house: House, today: dt.date | None = None) -> dt.date:
    """The house's next triage table, today included."""
    today = today or timezone.localdate(timezone=AMSTERDAM)
    return _on_or_after(today, house.triage_weekday)


def planned_table_date(house: House, filed_at: dt.datetime, today: dt.date | None = None, *,
                       crisis: bool = False) -> dt.date:
    """The table an intake waits for: its scheduled one, or the next one when that has passed.

    A crisis intake ("same week") goes to the next table whatever the cut-off.
    """
    upcoming = next_table_date(house, today)
    if crisis:
        return upcoming
    return max(triage_date_for(house, filed_at), upcoming)
