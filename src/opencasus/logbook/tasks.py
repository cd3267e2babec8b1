from celery import shared_task

from opencasus.logbook.verification import verify_all


@shared_task(name="opencasus.logbook.tasks.verify_chain")
def verify_chain() -> dict[str, object]:
    reports = verify_all()
    return {"chains": len(reports), "broken": [p for r in reports for p in r.problems]}
