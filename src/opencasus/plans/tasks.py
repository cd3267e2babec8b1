import datetime as dt

from celery import shared_task

from opencasus.plans.services.monitoring import send_reminders


@shared_task(name="opencasus.plans.tasks.send_plan_reminders")
def send_plan_reminders(as_of: str | None = None) -> dict[str, object]:
    """Daily: mark overdue agreements late and e-mail owners and process directors (once a day each).

    `as_of` (an ISO date) runs the job as of that day instead of today (operators catching up, tests)."""
    report = send_reminders(today=dt.date.fromisoformat(as_of) if as_of else None)
    return {"markedLate": report.marked_late, "emails": report.emails, "items": report.items,
            "skipped": report.skipped}
