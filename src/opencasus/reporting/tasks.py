from celery import shared_task

from opencasus.network.models import House
from opencasus.reporting.imports import incident_import_run
from opencasus.reporting.summary import dashboard_figures_refresh


@shared_task(name="opencasus.reporting.tasks.run_incident_import")
def run_incident_import(import_id: int) -> int:
    return incident_import_run(import_id=import_id).accepted_rows


@shared_task(name="opencasus.reporting.tasks.refresh_dashboard_figures")
def refresh_dashboard_figures() -> dict[str, int]:
    """Rebuild the stale months of the dashboard summary and the last complete month, per house."""
    return {house.name: dashboard_figures_refresh(house_id=house.pk) for house in House.objects.order_by("pk")}
