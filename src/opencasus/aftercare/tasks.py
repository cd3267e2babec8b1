from celery import shared_task

from opencasus.aftercare.services import signal_overdue_items


@shared_task(name="opencasus.aftercare.tasks.signal_overdue_items")
def signal_overdue_items_task() -> int:
    """Daily: notify owners and process directors of after-care items past their deadline."""
    return signal_overdue_items()
