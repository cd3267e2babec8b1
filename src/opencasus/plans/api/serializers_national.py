"""The national programme's view of an escalation (`plans.selectors_national.NationalEscalation`): no case."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.core.api.serializers import Serializer
from opencasus.plans.vocabulary import EscalationOutcome, EscalationStatus


class NationalEscalationSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=EscalationStatus.choices, read_only=True)
    region_code = serializers.CharField(read_only=True)
    region_name = serializers.CharField(read_only=True)
    house_id = serializers.IntegerField(read_only=True)
    house_name = serializers.CharField(read_only=True)
    organisation_name = serializers.CharField(read_only=True, help_text="The partner organisation concerned.")
    question = serializers.CharField(read_only=True, help_text="The question written for the national level.")
    raised_date = serializers.DateField(source="raised_on", read_only=True)
    response = serializers.CharField(read_only=True, allow_null=True, help_text="Null until answered.")
    outcome = serializers.ChoiceField(choices=EscalationOutcome.choices, read_only=True, allow_null=True,
                                      help_text="Null until the escalation has an outcome.")
    responded_date = serializers.DateField(source="responded_on", read_only=True, allow_null=True)
    version = serializers.IntegerField(read_only=True)

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        for key in ("response", "outcome"):
            data[key] = data[key] or None
        return data
