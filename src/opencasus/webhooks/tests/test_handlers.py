"""The domain services announce their events to the webhooks: through the real transfer services, both houses'
subscribers hear of a proposal and an acceptance, by the sending house's reference only."""

from __future__ import annotations

import json

import pytest

from opencasus.transfers import services as transfers
from opencasus.transfers.tests.factories import make_transfer_world, propose
from opencasus.webhooks.models import Delivery
from opencasus.webhooks.tests.factories import SubscriptionFactory
from opencasus.webhooks.vocabulary import EventType

pytestmark = pytest.mark.django_db


def test_a_transfer_is_announced_to_both_houses() -> None:
    w = make_transfer_world()
    sending = SubscriptionFactory.for_house(w.house_a)
    receiving = SubscriptionFactory.for_house(w.house_b)
    transfer = propose(w)
    transfers.transfer_accept(actor=w.director_b, transfer_id=transfer.pk)
    transfer_events = [EventType.TRANSFER_PROPOSED, EventType.TRANSFER_ACCEPTED]
    rows = sorted(Delivery.objects.filter(event_type__in=transfer_events).values_list("subscription_id", "event_type"))
    # The sending house closes its case on acceptance: its subscriber hears that too.
    assert Delivery.objects.filter(subscription=sending, event_type=EventType.CASE_CLOSED).exists()
    assert rows == sorted([(sending.pk, EventType.TRANSFER_PROPOSED), (receiving.pk, EventType.TRANSFER_PROPOSED),
                           (sending.pk, EventType.TRANSFER_ACCEPTED), (receiving.pk, EventType.TRANSFER_ACCEPTED)])
    for delivery in Delivery.objects.filter(event_type__in=transfer_events):
        body = json.loads(delivery.body)
        assert body["data"]["reference"] == w.case.reference
        assert body["dataref"].endswith(f"/transfers/{transfer.pk}")
        for person in w.persons:
            assert person.last_name not in delivery.body
