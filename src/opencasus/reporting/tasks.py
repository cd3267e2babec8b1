from celery import shared_task

from opencasus.reporting.imports import incident_import_run


@shared_task(name="opencasus.reporting.tasks.run_incident_import")
def run_incident_import(import_id: int) -> int:
    return incident_import_run(import_id=import_id).accepted_rows
