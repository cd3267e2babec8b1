"""Run the plan monitoring now: mark overdue agreements late and send the day's reminders.

In production Celery beat runs the same task daily; in the embedded default (no broker) run this
command from cron, or by hand in the demo.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from opencasus.meetings.crisis import signal_overdue_crisis_deadlines
from opencasus.plans.tasks import send_plan_reminders


class Command(BaseCommand):
    help = ("Mark overdue agreements late and e-mail the day's reminders (never twice a day for the same item); "
            "signal passed crisis-lane deadlines to core staff (once per deadline).")

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_plan_reminders.apply().get()
        self.stdout.write(
            f"late marked: {result['markedLate']}, e-mails sent: {result['emails']}, "
            f"items: {result['items']}, skipped (already reminded or no address): {result['skipped']}")
        self.stdout.write(f"crisis-lane deadlines signalled: {signal_overdue_crisis_deadlines()}")
