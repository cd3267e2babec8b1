"""Writes of the webhooks: subscriptions, events to deliver and delivery attempts."""

from opencasus.webhooks.services.delivery import attempt_delivery, dead_letter_retry, publish
from opencasus.webhooks.services.subscriptions import (
    subscription_create,
    subscription_delete,
    subscription_set_paused,
)

__all__ = ["attempt_delivery", "dead_letter_retry", "publish", "subscription_create", "subscription_delete",
           "subscription_set_paused"]
