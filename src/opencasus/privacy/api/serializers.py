"""API representations. Date fields end in `Date`, date-times in `At` (API design rules)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.dates import refuse_implausible_birth_date
from opencasus.logbook.models import Action, ProcessingRecord
from opencasus.privacy.models import (
    LogVerification,
    RetentionCategory,
    RetentionPolicy,
    RetentionRun,
    RightsRequest,
    RightsRequestKind,
    RightsRequestStatus,
    SubjectAccessRequest,
)
from opencasus.privacy.selectors import chain_result


class ProcessingRecordSerializer(ModelSerializer[ProcessingRecord]):
    user_id = serializers.IntegerField(source="audit.user_id", allow_null=True, read_only=True)
    username = serializers.CharField(source="audit.username", read_only=True)
    organisation_id = serializers.IntegerField(source="audit.organisation_id", allow_null=True, read_only=True)
    role = serializers.CharField(source="audit.role", read_only=True)
    action = serializers.ChoiceField(choices=Action.choices, read_only=True)

    class Meta:
        model = ProcessingRecord
        fields = ["chain", "sequence", "started_at", "ended_at", "action", "outcome", "activity_code", "purpose",
                  "object_type", "object_id", "case_id", "data_subject", "trace_id", "span_id", "parent_span_id",
                  "user_id", "username", "organisation_id", "role"]


class RetentionPolicySerializer(ModelSerializer[RetentionPolicy]):
    house_id = serializers.IntegerField(read_only=True)
    category = serializers.ChoiceField(choices=RetentionCategory.choices, read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    class Meta:
        model = RetentionPolicy
        fields = ["id", "house_id", "category", "period_months", "source", "is_example", "updated_at"]


class RetentionItemSerializer(Serializer[Any]):
    category = serializers.ChoiceField(choices=RetentionCategory.choices)
    object_type = serializers.CharField()
    object_id = serializers.CharField()
    name = serializers.CharField()
    expires_date = serializers.DateField(source="expiresOn")
    due = serializers.BooleanField()
    count = serializers.IntegerField()

    def to_representation(self, instance: Any) -> Any:
        return {"category": instance["category"], "object_type": instance["objectType"],
                "object_id": instance["objectId"], "name": instance["label"], "expires_date": instance["expiresOn"],
                "due": instance["due"], "count": instance.get("count", 1)}


class RetentionCountSerializer(Serializer[Any]):
    category = serializers.ChoiceField(choices=RetentionCategory.choices)
    count = serializers.IntegerField()


class RetentionRunSerializer(ModelSerializer[RetentionRun]):
    house_id = serializers.IntegerField()
    run_date = serializers.DateField(required=False)
    dry_run = serializers.BooleanField(read_only=True)
    items = RetentionItemSerializer(many=True, read_only=True)
    summary = serializers.SerializerMethodField()
    failures = serializers.ListField(child=serializers.DictField(child=serializers.CharField()), read_only=True,
                                     source="errors")

    class Meta:
        model = RetentionRun
        fields = ["id", "house_id", "run_date", "dry_run", "started_at", "finished_at", "summary", "items", "failures"]
        read_only_fields = ["started_at", "finished_at"]

    @extend_schema_field(RetentionCountSerializer(many=True))
    def get_summary(self, obj: RetentionRun) -> list[dict[str, Any]]:
        return [{"category": k, "count": v} for k, v in sorted(obj.summary.items())]


class SubjectAccessRequestSerializer(ModelSerializer[SubjectAccessRequest]):
    house_id = serializers.IntegerField()
    received_date = serializers.DateField(source="received_on")
    deadline_date = serializers.DateField(source="deadline", read_only=True)
    bsn = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=11)
    first_name = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=100)
    last_name = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=150)
    birth_date = serializers.DateField(write_only=True, required=False, allow_null=True,
                                       validators=[refuse_implausible_birth_date])
    pseudonyms = serializers.ListField(child=serializers.CharField(), read_only=True)
    person_count = serializers.SerializerMethodField()
    rights_request_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = SubjectAccessRequest
        fields = ["id", "house_id", "requester_name", "received_date", "deadline_date", "bsn", "first_name",
                  "last_name", "birth_date", "pseudonyms", "person_count", "rights_request_id", "created_at"]
        read_only_fields = ["created_at"]

    def get_person_count(self, obj: SubjectAccessRequest) -> int:
        return len(obj.pseudonyms)


class RightsRequestSerializer(ModelSerializer[RightsRequest]):
    house_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=RightsRequestKind.choices)
    status = serializers.ChoiceField(choices=RightsRequestStatus.choices, read_only=True)
    received_date = serializers.DateField(source="received_on")
    deadline_date = serializers.DateField(source="deadline", read_only=True)
    extended_until_date = serializers.DateField(source="extended_until", read_only=True)
    decided_date = serializers.DateField(source="decided_on", read_only=True)
    pseudonyms = serializers.ListField(child=serializers.UUIDField(), required=False)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = RightsRequest
        fields = ["id", "house_id", "kind", "requester_name", "pseudonyms", "received_date", "deadline_date",
                  "extended_until_date", "extension_reason", "description", "status", "handling", "decided_date",
                  "overdue", "version", "created_at", "updated_at"]
        read_only_fields = ["extension_reason", "handling", "version", "created_at", "updated_at"]

    def get_overdue(self, obj: RightsRequest) -> bool:
        return obj.is_overdue(timezone.localdate())


class RightsRequestHandleSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    status = serializers.ChoiceField(choices=RightsRequestStatus.choices)
    handling = serializers.CharField(required=False, allow_blank=True, default="")
    decided_date = serializers.DateField(required=False, allow_null=True, default=None)
    extended_until_date = serializers.DateField(required=False, allow_null=True, default=None)
    extension_reason = serializers.CharField(required=False, allow_blank=True, default="")


class LogVerificationSerializer(ModelSerializer[LogVerification]):
    house_id = serializers.IntegerField(allow_null=True, read_only=True)
    records = serializers.SerializerMethodField()
    problems = serializers.SerializerMethodField()
    intact = serializers.SerializerMethodField()

    class Meta:
        model = LogVerification
        fields = ["id", "house_id", "trigger", "started_at", "finished_at", "records", "problems", "intact"]

    def _result(self, obj: LogVerification) -> dict[str, Any]:
        return chain_result(obj, int(self.context.get("chain") or 0)) or {"records": 0, "problems": []}

    def get_records(self, obj: LogVerification) -> int:
        return int(self._result(obj).get("records", 0))

    def get_problems(self, obj: LogVerification) -> list[str]:
        return list(self._result(obj).get("problems", []))

    def get_intact(self, obj: LogVerification) -> bool:
        return not self._result(obj).get("problems")


class HouseInputSerializer(Serializer[Any]):
    house_id = serializers.IntegerField()
