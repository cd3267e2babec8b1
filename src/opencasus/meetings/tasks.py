from celery import shared_task

from opencasus.meetings.mandates import signal_overdue_confirmations


@shared_task(name="opencasus.meetings.tasks.signal_overdue_confirmations")
def signal_overdue_confirmations_task() -> int:
    """Daily: notify once of every confirmation beyond a mandate still pending past its deadline."""
    return signal_overdue_confirmations()


@shared_task(name="opencasus.meetings.tasks.signal_overdue_crisis_deadlines")
def signal_overdue_crisis_deadlines_task() -> int:
    """Daily: notify core staff once of every crisis-lane deadline passed unmet (houses running the crisis lane)."""
    from opencasus.meetings.crisis import signal_overdue_crisis_deadlines

    return signal_overdue_crisis_deadlines()
