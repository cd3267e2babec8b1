"""Demo data of the webhooks: the ZSM table's system subscribes to admitted and closed cases, with a few
rows in the delivery log (one delivered at once, one after a retry, one dead letter)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.network.models import House
from opencasus.webhooks import cloudevents, signing
from opencasus.webhooks.models import Attempt, Delivery, Subscription
from opencasus.webhooks.vocabulary import MAX_ATTEMPTS, DeliveryStatus, EventType

URL = "https://zsm-tafel.example.nl/opencasus/gebeurtenissen"


def load_demo_data(house: House) -> None:
    client = User.objects.filter(username="zsm-tafel").first()
    admin = User.objects.filter(username="beheerder").first()
    if client is None or admin is None or Subscription.objects.filter(house=house, client=client).exists():
        return
    subscription = Subscription.objects.create(
        house=house, client=client, url=URL, event_types=[EventType.CASE_ADMITTED, EventType.CASE_CLOSED],
        secret=signing.new_secret(), created_by=admin)
    cases = list(Case.objects.filter(house=house).order_by("pk").values_list("pk", "reference")[:3])
    outcomes: list[tuple[DeliveryStatus, list[tuple[int | None, int, str]]]] = [
        (DeliveryStatus.DELIVERED, [(204, 180, "")]),
        (DeliveryStatus.DELIVERED, [(503, 2100, "HTTP 503"), (200, 240, "")]),
        (DeliveryStatus.DEAD, [(None, 10000, "timed out")] * MAX_ATTEMPTS)]
    now = timezone.now()
    for index, ((case_id, reference), (status, attempts)) in enumerate(zip(cases, outcomes, strict=False)):
        event_type = EventType.CASE_CLOSED if index == 2 else EventType.CASE_ADMITTED
        event_id = uuid.uuid4()
        body = cloudevents.encode(cloudevents.envelope(
            event_type=event_type, subject=reference, resource_path=f"cases/{case_id}",
            data={"reference": reference}, event_id=event_id, time=now - dt.timedelta(days=3 - index)))
        delivery = Delivery.objects.create(subscription=subscription, house=house, event_id=event_id,
                                           event_type=event_type, body=body, status=status, attempts=len(attempts))
        for code, duration, error in attempts:
            Attempt.objects.create(delivery=delivery, status_code=code, duration_ms=duration, error=error)
