"""Subscribers to the domain events of the lower layers (`core.events`), run in the publisher's transaction."""

from __future__ import annotations

from opencasus.accounts.models import User
from opencasus.core.events import CaseClosed, TriageDecided
from opencasus.followup import services
from opencasus.triage.models import Decision


def on_triage_decided(event: TriageDecided) -> None:
    decision = Decision.objects.select_related("case").get(pk=event.decision_id)
    services.check_back_for_decision(actor=User.objects.get(pk=event.actor_id), decision=decision,
                                     due_date=event.check_back_date)


def on_case_closed(event: CaseClosed) -> None:
    services.closure_feedback_send(actor=User.objects.get(pk=event.actor_id), closure_id=event.closure_id)
