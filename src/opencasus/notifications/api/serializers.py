from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.notifications.mail import absolute
from opencasus.notifications.models import Notification


class NotificationSerializer(ModelSerializer[Notification]):
    title = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField()
    read = serializers.BooleanField(source="is_read", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "case_reference", "url", "created_at", "read_at", "read"]

    def get_url(self, obj: Notification) -> str:
        return absolute(obj.link)


class NotificationUpdateSerializer(Serializer[Any]):
    read = serializers.BooleanField()

    def validate_read(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("Een melding kan alleen als gelezen worden gemarkeerd.")
        return value
