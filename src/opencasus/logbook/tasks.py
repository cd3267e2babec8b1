from celery import shared_task

from opencasus.logbook.partitions import ensure_partitions
from opencasus.logbook.verification import verify_all


@shared_task(name="opencasus.logbook.tasks.verify_chain")
def verify_chain() -> dict[str, object]:
    reports = verify_all()
    return {"chains": len(reports), "broken": [p for r in reports for p in r.problems]}


@shared_task(name="opencasus.logbook.tasks.ensure_log_partitions")
def ensure_log_partitions(years_ahead: int = 1) -> list[str]:
    """Create the coming years' partitions of the processing log (PostgreSQL); returns those created."""
    return ensure_partitions(years_ahead=years_ahead)
