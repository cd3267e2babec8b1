"""Events to deliver: one Delivery per matching subscription, its body fixed when the event is published;
each attempt is logged; after MAX_ATTEMPTS failures the delivery is a dead letter."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import uuid
from functools import partial
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import Http404

from opencasus.access import webhooks as access
from opencasus.logbook.models import Action
from opencasus.webhooks import cloudevents, signing
from opencasus.webhooks.models import Attempt, Delivery, Subscription
from opencasus.webhooks.services._common import log
from opencasus.webhooks.vocabulary import MAX_ATTEMPTS, DeliveryStatus, EventType

if TYPE_CHECKING:
    from opencasus.accounts.models import User

TIMEOUT_SECONDS = 10
BASE_BACKOFF_SECONDS = 30


def backoff_seconds(attempts: int) -> int:
    """Exponential back-off after the n-th failed attempt: 30 s, 60 s, 120 s, ..."""
    return int(BASE_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0))


def _enqueue(delivery_id: int) -> None:
    from opencasus.webhooks.tasks import deliver_webhook

    deliver_webhook.delay(delivery_id)


def publish(*, house_id: int, event_type: EventType | str, subject: str, resource_path: str,
            data: dict[str, Any]) -> list[Delivery]:
    """Announce an event of a house to its subscribers (other apps call this, e.g. the transfers).

    `subject` is an opaque id and `data` holds no personal data (a reference, an outcome code). Runs in the
    caller's transaction; the deliveries are sent after it commits.
    """
    event_type = EventType(event_type)
    deliveries: list[Delivery] = []
    subscriptions = Subscription.objects.filter(house_id=house_id, paused=False)
    for subscription in subscriptions:
        if event_type.value not in subscription.event_types:
            continue
        event_id = uuid.uuid4()
        body = cloudevents.encode(cloudevents.envelope(event_type=event_type.value, subject=subject,
                                                       resource_path=resource_path, data=data, event_id=event_id))
        delivery = Delivery.objects.create(subscription=subscription, house_id=house_id, event_id=event_id,
                                           event_type=event_type.value, body=body)
        deliveries.append(delivery)
        transaction.on_commit(partial(_enqueue, delivery.pk))
    return deliveries


def _post(*, url: str, body: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def attempt_delivery(*, delivery_id: int) -> Delivery:
    """One attempt (outside a transaction while the request runs); logs it and moves the status."""
    delivery = Delivery.objects.select_related("subscription").get(pk=delivery_id)
    if delivery.status in (DeliveryStatus.DELIVERED, DeliveryStatus.DEAD):
        return delivery
    subscription = delivery.subscription
    headers = signing.headers(secret=subscription.secret, msg_id=str(delivery.event_id),
                              timestamp=int(time.time()), body=delivery.body)
    started = time.monotonic()
    status_code: int | None = None
    error = ""
    try:
        status_code = _post(url=subscription.url, body=delivery.body, headers=headers)
        if not 200 <= status_code < 300:
            error = f"HTTP {status_code}"
    except (OSError, ValueError) as exc:
        error = str(exc)[:500] or exc.__class__.__name__
    duration = int((time.monotonic() - started) * 1000)
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
        Attempt.objects.create(delivery=delivery, status_code=status_code, duration_ms=duration, error=error)
        delivery.attempts += 1
        if not error:
            delivery.status = DeliveryStatus.DELIVERED
        elif delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.DEAD
        else:
            delivery.status = DeliveryStatus.RETRYING
        delivery.save(update_fields=["attempts", "status"])
        log(actor=None, house_id=delivery.house_id, action=Action.CREATE, object_type="webhook-attempt",
            object_id=delivery.pk)
    return delivery


@transaction.atomic
def dead_letter_retry(*, actor: User, delivery_id: int) -> Delivery:
    """A dead letter gets a new round of attempts ("retry now")."""
    delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    if delivery is None or not access.may_manage(actor, house_id=delivery.house_id):
        raise Http404
    if delivery.status != DeliveryStatus.DEAD:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError(_("Only a dead letter can be retried."), code="invalid_transition")
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.save(update_fields=["status", "attempts"])
    log(actor=actor, house_id=delivery.house_id, action=Action.UPDATE, object_type="webhook-delivery",
        object_id=delivery.pk)
    transaction.on_commit(partial(_enqueue, delivery.pk))
    return delivery
