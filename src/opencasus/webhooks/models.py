from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opencasus.webhooks.vocabulary import DeliveryStatus, EventType


class Subscription(models.Model):
    """A system client of a house receives the events of the chosen types at `url`, signed with `secret`."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="webhook_subscriptions")
    client = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("system client"), on_delete=models.CASCADE,
                               related_name="webhook_subscriptions")
    url = models.URLField(_("URL"), max_length=500)
    event_types = models.JSONField(_("event types"), default=list)
    secret = models.CharField(_("secret"), max_length=100)
    paused = models.BooleanField(_("paused"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url

    @property
    def event_type_labels(self) -> list[str]:
        return [str(EventType(t).label) for t in self.event_types if t in EventType.values]


class Delivery(models.Model):
    """One event for one subscription; its body is fixed at publishing so every attempt signs the same bytes."""

    subscription = models.ForeignKey(Subscription, verbose_name=_("subscription"), on_delete=models.CASCADE,
                                     related_name="deliveries")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    event_id = models.UUIDField(_("event id"), default=uuid.uuid4)
    event_type = models.CharField(_("event type"), max_length=100, choices=EventType.choices)
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=20, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"


class Attempt(models.Model):
    """The delivery log: one row per attempt."""

    delivery = models.ForeignKey(Delivery, verbose_name=_("delivery"), on_delete=models.CASCADE,
                                 related_name="attempt_log")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.status_code}"
