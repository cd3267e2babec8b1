"""Several schedulers (one per node): each periodic task is sent once per due time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from unittest import mock

import pytest
from celery.beat import ScheduleEntry, Scheduler
from celery.schedules import crontab, schedule
from django.core.cache import cache

from opencasus.celery import app
from opencasus.core.beat import SingleRunMixin, SingleRunScheduler, due_key


class MemoryScheduler(SingleRunMixin, Scheduler):  # type: ignore[misc]
    """The claim of SingleRunScheduler without its state file."""


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def entry(name: str, every: crontab | schedule, last_run_at: dt.datetime) -> ScheduleEntry:
    return ScheduleEntry(name=name, task=f"opencasus.tests.{name}", schedule=every, last_run_at=last_run_at,
                         app=app)


def test_two_schedulers_send_each_run_once() -> None:
    nodes = [MemoryScheduler(app=app, lazy=True), MemoryScheduler(app=app, lazy=True)]
    started = [dt.datetime(2026, 12, 7, 6, 59, 30, tzinfo=dt.UTC), dt.datetime(2026, 12, 7, 6, 59, 58, tzinfo=dt.UTC)]
    every_minute = crontab(minute="*", app=app)
    with mock.patch.object(app, "send_task") as send:
        # Both schedulers are due for 07:00 (they started at different moments before it).
        for node, last in zip(nodes, started, strict=True):
            node.apply_entry(entry("summary", every_minute, last))
        assert send.call_count == 1
        # The next run: both ran at 07:00 (a little apart), both are due for 07:01.
        for node, last in zip(nodes, [dt.datetime(2026, 12, 7, 7, 0, 0, 300000, tzinfo=dt.UTC),
                                      dt.datetime(2026, 12, 7, 7, 0, 1, tzinfo=dt.UTC)], strict=True):
            node.apply_entry(entry("summary", every_minute, last))
        assert send.call_count == 2
        # Another task due at the same moment is claimed separately.
        for node, last in zip(nodes, started, strict=True):
            node.apply_entry(entry("reminders", every_minute, last))
        assert send.call_count == 3
    assert [c.args[0] for c in send.call_args_list] == ["opencasus.tests.summary", "opencasus.tests.summary",
                                                        "opencasus.tests.reminders"]


def test_a_crontab_run_is_named_by_its_due_time() -> None:
    hourly = crontab(minute=15, app=app)
    a = due_key(entry("verify", hourly, dt.datetime(2026, 12, 7, 6, 20, tzinfo=dt.UTC)))
    b = due_key(entry("verify", hourly, dt.datetime(2026, 12, 7, 7, 14, 59, tzinfo=dt.UTC)))
    assert a == b == "opencasus:beat:verify:2026-12-07T07:15:00+00:00"
    c = due_key(entry("verify", hourly, dt.datetime(2026, 12, 7, 7, 15, 1, tzinfo=dt.UTC)))
    assert c == "opencasus:beat:verify:2026-12-07T08:15:00+00:00"


def test_an_interval_run_is_claimed_once_per_interval() -> None:
    nodes = [MemoryScheduler(app=app, lazy=True), MemoryScheduler(app=app, lazy=True)]
    every_hour = schedule(dt.timedelta(hours=1), app=app)
    now = dt.datetime(2026, 12, 7, 7, 30, tzinfo=dt.UTC)
    with mock.patch.object(app, "send_task") as send, mock.patch.object(schedule, "now", return_value=now):
        for node in nodes:
            node.apply_entry(entry("interval", every_hour, now - dt.timedelta(hours=1)))
    assert send.call_count == 1


def test_the_settings_name_the_single_run_scheduler() -> None:
    assert app.conf.beat_scheduler == "opencasus.core.beat:SingleRunScheduler"
    assert issubclass(SingleRunScheduler, SingleRunMixin)
