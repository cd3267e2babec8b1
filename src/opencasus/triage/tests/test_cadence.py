import datetime as dt
from typing import Any

import pytest

from opencasus.network.models import House
from opencasus.triage.cadence import (
    AMSTERDAM,
    cutoff_for,
    next_table_date,
    planned_table_date,
    triage_date_for,
)

# 23 November 2026 is a Monday.
MON, TUE, WED, SUN = dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25), dt.date(2026, 11, 29)
NEXT_TUE = dt.date(2026, 12, 1)


def house(**fields: Any) -> House:
    """An unsaved house: the rule needs only its cadence fields."""
    return House(name="x", city="x", **fields)


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0, tz: dt.tzinfo = AMSTERDAM) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=tz)


@pytest.mark.parametrize(("filed", "expected"), [
    (at(MON, 11, 59, 59), TUE),  # just before the cut-off: tomorrow's table
    (at(MON, 12, 0), NEXT_TUE),  # at the cut-off: the week after
    (at(MON, 15, 0), NEXT_TUE),
    (at(TUE, 8, 0), NEXT_TUE),  # on the triage day itself, after the cut-off
    (at(WED, 9, 0), NEXT_TUE),
    (at(SUN, 23, 59), NEXT_TUE),  # Sunday night: before Monday's cut-off
    (at(dt.date(2026, 11, 30), 11, 0), NEXT_TUE),  # following Monday morning
    (at(dt.date(2026, 11, 30), 12, 30), dt.date(2026, 12, 8)),
])
def test_default_cadence_monday_noon_for_tuesday(filed: Any, expected: Any) -> None:
    assert triage_date_for(house(), filed) == expected


def test_cutoff_is_in_amsterdam_time_not_utc() -> None:
    # 11:30 UTC on a winter Monday is 12:30 in Amsterdam: past the cut-off.
    assert triage_date_for(house(), dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.UTC)) == NEXT_TUE
    # 10:30 UTC is 11:30 in Amsterdam: in time.
    assert triage_date_for(house(), dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC)) == TUE


def test_summer_time_offset() -> None:
    # 29 June 2026 is a Monday; 10:30 UTC is 12:30 CEST: too late; 9:59 UTC is 11:59 CEST: in time.
    assert triage_date_for(house(), dt.datetime(2026, 6, 29, 10, 30, tzinfo=dt.UTC)) == dt.date(2026, 7, 7)
    assert triage_date_for(house(), dt.datetime(2026, 6, 29, 9, 59, tzinfo=dt.UTC)) == dt.date(2026, 6, 30)


def test_cutoff_on_the_triage_day_itself() -> None:
    h = house(triage_weekday=3, triage_cutoff_weekday=3, triage_cutoff_time=dt.time(9, 0))  # Thursday 9:00
    thu = dt.date(2026, 11, 26)
    assert triage_date_for(h, at(thu, 8, 59)) == thu
    assert triage_date_for(h, at(thu, 9, 0)) == thu + dt.timedelta(days=7)
    assert triage_date_for(h, at(MON, 17, 0)) == thu


def test_cutoff_several_days_before() -> None:
    h = house(triage_weekday=0, triage_cutoff_weekday=4, triage_cutoff_time=dt.time(16, 0))  # Friday 16:00 → Monday
    fri = dt.date(2026, 11, 27)
    assert triage_date_for(h, at(fri, 15, 59)) == dt.date(2026, 11, 30)
    assert triage_date_for(h, at(fri, 16, 0)) == dt.date(2026, 12, 7)
    assert triage_date_for(h, at(dt.date(2026, 11, 28), 10, 0)) == dt.date(2026, 12, 7)  # Saturday
    assert triage_date_for(h, at(MON, 10, 0)) == dt.date(2026, 11, 30)  # Monday of the week before


def test_cutoff_for() -> None:
    assert cutoff_for(house(), TUE) == at(MON, 12, 0)


def test_next_table_date_counts_today() -> None:
    assert next_table_date(house(), TUE) == TUE
    assert next_table_date(house(), WED) == NEXT_TUE
    assert next_table_date(house(), MON) == TUE


def test_planned_table_date_moves_a_missed_table_to_the_next_one() -> None:
    filed = at(dt.date(2026, 11, 2), 9, 0)  # scheduled for 3 November, still waiting on 25 November
    assert triage_date_for(house(), filed) == dt.date(2026, 11, 3)
    assert planned_table_date(house(), filed, WED) == NEXT_TUE
    assert planned_table_date(house(), at(WED, 9, 0), WED) == NEXT_TUE
    assert planned_table_date(house(), at(MON, 9, 0), MON) == TUE


def test_a_crisis_goes_to_the_next_table_whatever_the_cutoff() -> None:
    assert planned_table_date(house(), at(MON, 15, 0), MON) == NEXT_TUE
    assert planned_table_date(house(), at(MON, 15, 0), MON, crisis=True) == TUE
    assert planned_table_date(house(), at(WED, 9, 0), WED, crisis=True) == NEXT_TUE
