"""Serializers of the follow-through API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.text import NAME_MAX_LENGTH
from opencasus.followup.models import CheckBack, ClosureFeedback, Consultation, MonitoringPeriod
from opencasus.followup.vocabulary import CheckBackStatus, LastCheckResult


class CheckBackSerializer(ModelSerializer[CheckBack]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    resolved_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = CheckBack
        fields = ["id", "case_id", "case_reference", "house_id", "reason", "receiver", "due_date", "status", "note",
                  "created_at", "resolved_at", "version"]
        read_only_fields = fields


class CheckBackUpdateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    due_date = serializers.DateField(help_text="The new check-back date.")


class CheckBackResolutionSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    status = serializers.ChoiceField(choices=[CheckBackStatus.CONFIRMED.value, CheckBackStatus.REOPENED.value],
                                     help_text="confirmed: picked up; reopened: the question is reopened.")
    note = serializers.CharField(required=False, allow_blank=True, help_text="Required when reopened.")


class MonitoringPeriodSerializer(ModelSerializer[MonitoringPeriod]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    check_result = serializers.ChoiceField(choices=LastCheckResult.choices, read_only=True, allow_null=True,
                                           help_text="Null until the last check is recorded.")
    checked_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = MonitoringPeriod
        fields = ["id", "case_id", "case_reference", "house_id", "municipality_id", "municipality_name",
                  "local_approach", "note", "starts_on", "last_check_date", "status", "check_result", "check_note",
                  "checked_at", "version"]
        read_only_fields = fields

    def to_representation(self, instance: MonitoringPeriod) -> Any:
        data = super().to_representation(instance)
        data["check_result"] = data["check_result"] or None
        return data


class MonitoringStartSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(min_value=1)
    local_approach = serializers.CharField(max_length=NAME_MAX_LENGTH)
    last_check_date = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True)


class MonitoringUpdateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    last_check_date = serializers.DateField()


class LastCheckSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    result = serializers.ChoiceField(choices=LastCheckResult.choices)
    note = serializers.CharField()


class ClosureFeedbackSerializer(ModelSerializer[ClosureFeedback]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    house_name = serializers.CharField(source="house.name", read_only=True)
    handed_over_to_id = serializers.IntegerField(read_only=True, allow_null=True)
    handed_over_to_name = serializers.SerializerMethodField()
    municipality_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = ClosureFeedback
        fields = ["id", "case_id", "case_reference", "house_id", "house_name", "municipality_id", "outcome",
                  "handed_over_to_id", "handed_over_to_name", "closed_on", "sent_at"]
        read_only_fields = fields

    def get_handed_over_to_name(self, obj: ClosureFeedback) -> str | None:
        return obj.handed_over_to.name if obj.handed_over_to else None


class ConsultationSerializer(ModelSerializer[Consultation]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    municipality_id = serializers.IntegerField(read_only=True, allow_null=True)
    advised_at = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = Consultation
        fields = ["id", "house_id", "organisation_id", "organisation_name", "municipality_id", "question",
                  "asked_at", "status", "advice", "advised_at", "version"]
        read_only_fields = fields


class ConsultationCreateSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(min_value=1)
    organisation_id = serializers.IntegerField(min_value=1, help_text="The organisation you ask for.")
    municipality_id = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    question = serializers.CharField(help_text="No personal data: a BSN-shaped number is refused.")


class AdviceSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    advice = serializers.CharField(help_text="No personal data: a BSN-shaped number is refused.")
