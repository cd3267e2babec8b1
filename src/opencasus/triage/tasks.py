from celery import shared_task

from opencasus.triage.services import signal_overdue_requests


@shared_task
def signal_overdue_information_requests() -> int:
    """Notify once of every open information request past its due date."""
    return signal_overdue_requests()
