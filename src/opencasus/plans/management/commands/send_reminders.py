"""Run the plan monitoring now: mark overdue agreements late and send the day's reminders.

In production Celery beat runs the same task daily; in the embedded default (no broker) run this
command from cron, or by hand in the demo. `--date 2026-12-01` runs it as of that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opencasus.plans.tasks import send_plan_reminders


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise CommandError(f"--date takes a date as YYYY-MM-DD, not {value!r}") from exc


class Command(BaseCommand):
    help = "Mark overdue agreements late and e-mail the day's reminders (never twice a day for the same item)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Run as of this day (YYYY-MM-DD) instead of today.")

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = _date(options["date"]) if options.get("date") else None
        result = send_plan_reminders.apply(kwargs={"as_of": as_of}).get()
        self.stdout.write(
            f"late marked: {result['markedLate']}, e-mails sent: {result['emails']}, "
            f"items: {result['items']}, skipped (already reminded or no address): {result['skipped']}")
