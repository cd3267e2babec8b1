from celery import shared_task

from opencasus.meetings.mandates import signal_overdue_confirmations


@shared_task(name="opencasus.meetings.tasks.signal_overdue_confirmations")
def signal_overdue_confirmations_task() -> int:
    """Daily: notify once of every confirmation beyond a mandate still pending past its deadline."""
    return signal_overdue_confirmations()
