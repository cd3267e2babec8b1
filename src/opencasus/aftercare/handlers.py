"""Subscribers to the domain events of the lower layers (`core.events`), run in the publisher's transaction."""

from __future__ import annotations

from opencasus.accounts.models import User
from opencasus.aftercare.services import create_timeline
from opencasus.cases.models import Case
from opencasus.core.events import IntakeFiled


def on_intake_filed(event: IntakeFiled) -> None:
    """An intake with an expected release date gets its timeline at once (when the house runs after-care)."""
    if event.release_date is None:
        return
    case = Case.objects.select_related("house").get(pk=event.case_id)
    create_timeline(actor=User.objects.get(pk=event.actor_id), case=case)
