"""Serializers of the webhook API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.webhooks.models import Attempt, Delivery, Subscription
from opencasus.webhooks.vocabulary import EventType


class SubscriptionSerializer(ModelSerializer[Subscription]):
    class Meta:
        model = Subscription
        fields = ["id", "house_id", "client_id", "url", "event_types", "paused", "created_at", "version"]
        read_only_fields = fields


class SubscriptionCreatedSerializer(SubscriptionSerializer):
    secret = serializers.CharField(read_only=True, help_text="The signing secret; shown only in this answer.")

    class Meta(SubscriptionSerializer.Meta):
        fields = [*SubscriptionSerializer.Meta.fields, "secret"]
        read_only_fields = fields


class SubscriptionCreateSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text="The house whose events are sent.")
    client_id = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, help_text="The system client (a user with a role in the house).")
    url = serializers.CharField(max_length=500, help_text="https address that receives the events.")
    event_types = serializers.ListField(child=serializers.CharField(max_length=100), max_length=len(EventType),
                                        help_text="Event types: " + ", ".join(EventType.values))


class SubscriptionPauseSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    paused = serializers.BooleanField(help_text="true: stop sending; false: send again.")


class AttemptSerializer(ModelSerializer[Attempt]):
    class Meta:
        model = Attempt
        fields = ["id", "at", "status_code", "duration_ms", "error"]
        read_only_fields = fields


class DeliverySerializer(ModelSerializer[Delivery]):
    class Meta:
        model = Delivery
        fields = ["id", "subscription_id", "house_id", "event_id", "event_type", "status", "attempts", "created_at"]
        read_only_fields = fields
