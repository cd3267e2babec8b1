import datetime as dt
from dataclasses import dataclass

from opencasus.core import events


@dataclass(frozen=True)
class _Happened:
    what: str


def test_a_published_event_reaches_each_subscriber_once() -> None:
    seen: list[_Happened] = []
    events.subscribe(_Happened, seen.append)
    events.subscribe(_Happened, seen.append)
    events.publish(_Happened("iets"))
    events.publish(events.MonthFiguresChanged(house_id=1, months=()))  # another type: not delivered here
    assert seen == [_Happened("iets")]


def test_month_event_leaves_out_missing_days() -> None:
    event = events.MonthFiguresChanged.of(house_id=1, days=[dt.date(2026, 1, 5), None])
    assert event.months == (dt.date(2026, 1, 5),)


def test_the_dashboard_summary_subscribes_to_both_events() -> None:
    from opencasus.reporting import staleness

    assert staleness.on_case_figures_changed in events._subscribers[events.CaseFiguresChanged]
    assert staleness.on_month_figures_changed in events._subscribers[events.MonthFiguresChanged]
