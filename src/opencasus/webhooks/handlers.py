"""Subscribers to the in-process domain events (`core.events`): each becomes a CloudEvent for the house's
webhook subscriptions. Only the case's public reference and API links leave the installation."""

from __future__ import annotations

from opencasus.cases.models import Case
from opencasus.core import events
from opencasus.webhooks.services import publish
from opencasus.webhooks.vocabulary import EventType

ADMIT = "admit"


def _case(case_id: int) -> tuple[int, str] | None:
    row = Case.objects.filter(pk=case_id).values_list("house_id", "reference").first()
    return (int(row[0]), str(row[1])) if row else None


def _publish_case(case_id: int, event_type: EventType, path: str, **extra: str) -> None:
    found = _case(case_id)
    if found is None:
        return
    house_id, reference = found
    publish(house_id=house_id, event_type=event_type, subject=reference, resource_path=path,
            data={"reference": reference, **extra})


def on_intake_filed(event: events.IntakeFiled) -> None:
    _publish_case(event.case_id, EventType.INTAKE_FILED, f"cases/{event.case_id}")


def on_triage_decided(event: events.TriageDecided) -> None:
    _publish_case(event.case_id, EventType.TRIAGE_DECIDED, f"cases/{event.case_id}/triage-decision",
                  outcome=str(event.outcome))
    if str(event.outcome) == ADMIT:
        _publish_case(event.case_id, EventType.CASE_ADMITTED, f"cases/{event.case_id}")


def on_case_closed(event: events.CaseClosed) -> None:
    _publish_case(event.case_id, EventType.CASE_CLOSED, f"cases/{event.case_id}/closure")


def on_agreement_overdue(event: events.AgreementOverdue) -> None:
    _publish_case(event.case_id, EventType.AGREEMENT_OVERDUE, f"agreements/{event.agreement_id}")


def _publish_transfer(event: events.TransferProposed | events.TransferAccepted, event_type: EventType) -> None:
    """Both houses' subscribers hear of a transfer: the sending house's reference and the transfer's link."""
    for house_id in (event.from_house_id, event.to_house_id):
        publish(house_id=house_id, event_type=event_type, subject=event.case_reference,
                resource_path=f"transfers/{event.transfer_id}", data={"reference": event.case_reference})


def on_transfer_proposed(event: events.TransferProposed) -> None:
    _publish_transfer(event, EventType.TRANSFER_PROPOSED)


def on_transfer_accepted(event: events.TransferAccepted) -> None:
    _publish_transfer(event, EventType.TRANSFER_ACCEPTED)


def on_escalation_raised(event: events.EscalationRaised) -> None:
    _publish_case(event.case_id, EventType.ESCALATION_RAISED, f"escalations/{event.escalation_id}")
