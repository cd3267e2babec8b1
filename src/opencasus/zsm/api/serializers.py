from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.cases.api.serializers import ContactSerializer
from opencasus.core.api.serializers import Serializer
from opencasus.zsm.models import MAX_ADVICE_LENGTH


class ZsmAdviceSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(source="case.pk", read_only=True)
    text = serializers.CharField(source="advice.text", max_length=MAX_ADVICE_LENGTH, allow_null=True,
                                 help_text="The advice for the ZSM disposal; null while none is recorded.")
    recorded_at = serializers.DateTimeField(source="advice.recorded_at", read_only=True, allow_null=True)
    recorded_by = serializers.SerializerMethodField()
    version = serializers.IntegerField(read_only=True, help_text="0 while no advice is recorded.")
    may_edit = serializers.BooleanField(read_only=True)

    def get_recorded_by(self, view: Any) -> str | None:
        if view.advice is None:
            return None
        user = view.advice.recorded_by
        return str(user.get_full_name() or user.get_username())


class ZsmAdviceInSerializer(Serializer[Any]):
    text = serializers.CharField(max_length=MAX_ADVICE_LENGTH)
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class ZsmQuerySerializer(Serializer[Any]):
    bsn = serializers.CharField(required=False, allow_blank=True, max_length=11,
                                help_text="The BSN; or first name, last name and date of birth.")
    first_name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    last_name = serializers.CharField(required=False, allow_blank=True, max_length=150)
    date_of_birth = serializers.DateField(required=False, allow_null=True)


class ZsmAnswerSerializer(Serializer[Any]):
    house_name = serializers.CharField()
    advice = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    contact = ContactSerializer()  # the hit check's: the house's e-mail address and process directors


class ZsmQueryResultSerializer(Serializer[Any]):
    known = serializers.BooleanField(help_text="True when at least one house has advice for the ZSM table.")
    answers = ZsmAnswerSerializer(many=True)
