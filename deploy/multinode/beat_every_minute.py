"""A Celery scheduler (beat) for the multi-node test: the project's scheduler and periodic tasks, with the
cheap ones due every minute, so that a run of a few minutes shows each due time running once however many
schedulers run.

    python deploy/multinode/beat_every_minute.py --schedule var/multinode/beat-a.db
"""

from __future__ import annotations

import sys

import django
from celery.schedules import crontab

EVERY_MINUTE = ("ensure-log-partitions", "refresh-dashboard-figures", "information-request-reminders")

if __name__ == "__main__":
    django.setup()
    from opencasus.celery import app

    app.conf.beat_schedule = {name: {**entry, "schedule": crontab(minute="*")}
                              for name, entry in app.conf.beat_schedule.items() if name in EVERY_MINUTE}
    app.start(["beat", "--loglevel", "INFO", *sys.argv[1:]])
