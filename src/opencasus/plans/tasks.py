from celery import shared_task

from opencasus.plans.services.monitoring import send_reminders


@shared_task(name="opencasus.plans.tasks.send_plan_reminders")
def send_plan_reminders() -> dict[str, object]:
    """Daily: mark overdue agreements late and e-mail owners and process directors (once a day each)."""
    report = send_reminders()
    return {"markedLate": report.marked_late, "emails": report.emails, "items": report.items,
            "skipped": report.skipped}
