"""Reads of the webhooks (no personal data: subscriptions, deliveries and their attempts carry only ids,
event types and the receivers' addresses, so no processing-log record for a read)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import webhooks as access
from opencasus.webhooks.models import Attempt, Delivery, Subscription
from opencasus.webhooks.vocabulary import DeliveryStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def subscription_list(*, actor: User, house_id: int | None = None) -> QuerySet[Subscription]:
    qs = Subscription.objects.filter(access.subscription_filter(actor)).select_related("client", "house")
    return qs.filter(house_id=house_id) if house_id is not None else qs


def subscription_get(*, actor: User, subscription_id: int) -> Subscription:
    subscription = subscription_list(actor=actor).filter(pk=subscription_id).first()
    if subscription is None:
        raise Http404
    return subscription


def delivery_list(*, actor: User, subscription_id: int | None = None,
                  status: str | None = None) -> QuerySet[Delivery]:
    qs = Delivery.objects.filter(access.delivery_filter(actor)).select_related("subscription")
    if subscription_id is not None:
        qs = qs.filter(subscription_id=subscription_id)
    if status:
        qs = qs.filter(status=status)
    return qs


def dead_letters(*, actor: User) -> QuerySet[Delivery]:
    return delivery_list(actor=actor, status=DeliveryStatus.DEAD)


def delivery_get(*, actor: User, delivery_id: int) -> Delivery:
    delivery = delivery_list(actor=actor).filter(pk=delivery_id).first()
    if delivery is None:
        raise Http404
    return delivery


def attempt_list(*, actor: User, delivery_id: int) -> QuerySet[Attempt]:
    return Attempt.objects.filter(delivery=delivery_get(actor=actor, delivery_id=delivery_id))
