"""The Celery scheduler for several nodes: each periodic task is sent once per due time, however many
schedulers (`celery beat`, one per node for availability) run.

Every scheduler computes the same due time of an entry (for a crontab: the first time the schedule
fires after the entry's last run; for a plain interval: the interval the clock is in) and claims
`opencasus:beat:<entry>:<due time>` in the shared cache (Redis in production) with an atomic add. The
scheduler that claims it sends the task; the others skip that run. A stopped scheduler therefore
costs nothing: the next one still running sends the following runs.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
from typing import Any

from celery.beat import PersistentScheduler, ScheduleEntry, Scheduler
from celery.schedules import crontab
from django.core.cache import cache

logger = logging.getLogger(__name__)

# Long enough to outlast the longest interval between two schedulers' sends of the same run.
CLAIM_SECONDS = 2 * 24 * 3600


def due_key(entry: ScheduleEntry) -> str:
    """The key of the run an entry is due for, the same in every scheduler."""
    schedule = entry.schedule
    if isinstance(schedule, crontab):
        start, delta, _now = schedule.remaining_delta(entry.last_run_at)
        due: dt.datetime = start + delta
        moment = due.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    else:
        every = max(int(schedule.run_every.total_seconds()), 1)
        moment = str(int(schedule.now().timestamp()) // every * every)
    return f"opencasus:beat:{entry.name}:{moment}"


def claim_run(entry: ScheduleEntry) -> bool:
    """True for the one scheduler that may send this run of the entry."""
    return bool(cache.add(due_key(entry), socket.gethostname(), timeout=CLAIM_SECONDS))


class SingleRunMixin(Scheduler):  # type: ignore[misc]  # Celery has no type information
    def apply_async(self, entry: ScheduleEntry, producer: Any = None, advance: bool = True,
                    **kwargs: Any) -> Any:
        if not claim_run(entry):
            logger.info("Periodic task %s: another scheduler sent this run.", entry.name)
            return None
        return super().apply_async(entry, producer=producer, advance=advance, **kwargs)


class SingleRunScheduler(SingleRunMixin, PersistentScheduler):  # type: ignore[misc]
    """settings.CELERY_BEAT_SCHEDULER: Celery's file-backed scheduler with the claim per run."""
