from celery import shared_task

from opencasus.topx.services import signal_overdue_reviews


@shared_task(name="opencasus.topx.tasks.signal_overdue_reviews")
def signal_overdue_reviews_task() -> int:
    """Daily: notify the core staff once of every Top X review past its date."""
    return signal_overdue_reviews()
