"""Scheduled privacy jobs (celery beat, see opencasus.celery)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from opencasus.network.models import House
from opencasus.privacy import deletion, services


@shared_task(name="opencasus.privacy.tasks.apply_retention")
def apply_retention(today: str | None = None) -> dict[str, dict[str, int]]:
    """Delete what has expired in every house; the runs are stored (RetentionRun)."""
    import datetime as dt

    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    return {house.name: deletion.run_retention(house=house, today=day, dry_run=False).summary
            for house in House.objects.order_by("pk")}


@shared_task(name="opencasus.privacy.tasks.verify_processing_log")
def verify_processing_log() -> dict[str, int]:
    """Verify every hash chain and store the outcome for the privacy officers."""
    verification = services.verification_run()
    return {"chains": verification.chain_count, "records": verification.record_count,
            "problems": verification.problem_count}
