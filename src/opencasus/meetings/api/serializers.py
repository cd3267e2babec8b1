from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from rest_framework import serializers

from opencasus.core.api.serializers import ModelSerializer, Serializer, blank_as_null
from opencasus.meetings.models import AgendaItem, Decision, Invitation, Meeting, Minutes, SelfReport

TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"


class MeetingSerializer(ModelSerializer[Meeting]):
    meeting_type_id = serializers.IntegerField(read_only=True)
    meeting_type_name = serializers.CharField(source="meeting_type.name", read_only=True)
    start_time = serializers.SerializerMethodField(help_text="Local time HH:MM (Europe/Amsterdam).")
    starts_at = serializers.SerializerMethodField()
    house_id = serializers.IntegerField(read_only=True)
    chair_id = serializers.IntegerField(read_only=True, allow_null=True)
    secretary_id = serializers.IntegerField(read_only=True, allow_null=True)
    video_link = serializers.URLField(read_only=True, allow_null=True, help_text="Null when there is none.")

    class Meta:
        model = Meeting
        fields = ["id", "house_id", "meeting_type_id", "meeting_type_name", "date", "start_time", "starts_at",
                  "location", "video_link", "chair_id", "secretary_id", "status", "version"]
        read_only_fields = fields

    def to_representation(self, instance: Meeting) -> Any:
        return blank_as_null(super().to_representation(instance), "video_link")

    def get_start_time(self, obj: Meeting) -> str:
        return f"{obj.start_time:%H:%M}"

    def get_starts_at(self, obj: Meeting) -> dt.datetime:
        return timezone.localtime(obj.starts_at())


class MeetingWriteSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(required=False, help_text="Required when creating.")
    meeting_type_id = serializers.IntegerField(required=False)
    date = serializers.DateField(required=False)
    start_time = serializers.RegexField(TIME_PATTERN, required=False, help_text="Local time HH:MM.")
    location = serializers.CharField(required=False, allow_blank=True, max_length=200)
    video_link = serializers.URLField(required=False, allow_blank=True)
    chair_id = serializers.IntegerField(required=False, allow_null=True)
    secretary_id = serializers.IntegerField(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, help_text="The version you read; required when updating.")


class AgendaItemSerializer(ModelSerializer[AgendaItem]):
    case_id = serializers.IntegerField(read_only=True)
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    end_offset = serializers.IntegerField(read_only=True)
    starts_at = serializers.SerializerMethodField()
    ends_at = serializers.SerializerMethodField()
    organisation_ids = serializers.SerializerMethodField()
    professional_ids = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = ["id", "case_id", "case_reference", "position", "start_offset", "end_offset", "minutes",
                  "starts_at", "ends_at", "organisation_ids", "professional_ids"]
        read_only_fields = fields

    def get_starts_at(self, obj: AgendaItem) -> dt.datetime:
        return timezone.localtime(obj.meeting.starts_at() + dt.timedelta(minutes=obj.start_offset))

    def get_ends_at(self, obj: AgendaItem) -> dt.datetime:
        return timezone.localtime(obj.meeting.starts_at() + dt.timedelta(minutes=obj.end_offset))

    def get_organisation_ids(self, obj: AgendaItem) -> list[int]:
        return sorted(o.pk for o in obj.organisations.all())

    def get_professional_ids(self, obj: AgendaItem) -> list[int]:
        return sorted(u.pk for u in obj.professionals.all())


class AgendaItemWriteSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(required=False, help_text="Required when creating.")
    minutes = serializers.IntegerField(required=False, min_value=5, max_value=240)
    organisation_ids = serializers.ListField(child=serializers.IntegerField(), required=False,
                                             help_text="Default: every organisation taking part in the case.")
    professional_ids = serializers.ListField(child=serializers.IntegerField(), required=False,
                                             help_text="Default: every professional named as participant.")


class ReorderSerializer(Serializer[Any]):
    item_ids = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)


class AttendeeFigureSerializer(Serializer[Any]):
    attendee = serializers.CharField(help_text="user:<id> or organisation:<id>")
    minutes = serializers.IntegerField()
    blocks = serializers.IntegerField()
    target_group_minutes = serializers.IntegerField()


class OptimiseResultSerializer(Serializer[Any]):
    item_ids = serializers.ListField(child=serializers.IntegerField())
    total_minutes = serializers.IntegerField()
    target_group_minutes = serializers.IntegerField()
    saving_minutes = serializers.IntegerField()
    attendees = AttendeeFigureSerializer(many=True)


class DecisionSerializer(ModelSerializer[Decision]):
    id = serializers.IntegerField(read_only=True)
    owner_organisation_id = serializers.IntegerField(required=False, allow_null=True)
    owner_user_id = serializers.IntegerField(required=False, allow_null=True)
    agreement_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Decision
        fields = ["id", "description", "owner_organisation_id", "owner_user_id", "deadline", "agreement_id"]


class MinutesSerializer(ModelSerializer[Minutes]):
    decisions = DecisionSerializer(many=True, read_only=True)
    approved_by_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Minutes
        fields = ["picture_forming", "judgement", "status", "version", "updated_at", "approved_by_id",
                  "approved_at", "decisions"]
        read_only_fields = fields


class MinutesWriteSerializer(Serializer[Any]):
    picture_forming = serializers.CharField(allow_blank=True)
    judgement = serializers.CharField(allow_blank=True)
    decisions = DecisionSerializer(many=True)
    version = serializers.IntegerField(required=False, allow_null=True,
                                       help_text="The version you read; omit for new minutes.")


class VersionSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False)


class InvitationSerializer(ModelSerializer[Invitation]):
    user_id = serializers.IntegerField(read_only=True)
    name = serializers.SerializerMethodField()

    class Meta:
        model = Invitation
        fields = ["user_id", "name", "status", "sequence", "sent_at", "attended"]
        read_only_fields = fields

    def get_name(self, obj: Invitation) -> str:
        return obj.user.get_full_name() or obj.user.username


class AttendanceWriteItemSerializer(Serializer[Any]):
    user_id = serializers.IntegerField()
    attended = serializers.BooleanField(allow_null=True)


class AttendanceWriteSerializer(Serializer[Any]):
    attendance = AttendanceWriteItemSerializer(many=True)


class SendResultSerializer(Serializer[Any]):
    invited = serializers.IntegerField()
    updated = serializers.IntegerField()
    cancelled = serializers.IntegerField()
    unchanged = serializers.IntegerField()


class SelfReportSerializer(ModelSerializer[SelfReport]):
    case_id = serializers.IntegerField()
    meeting_id = serializers.IntegerField(required=False, allow_null=True)
    reported_by_id = serializers.IntegerField(read_only=True)
    goals_score = serializers.IntegerField(min_value=1, max_value=5,
                                           help_text="How far the goals were reached: 1 very poor … 5 very good.")
    cooperation_score = serializers.IntegerField(min_value=1, max_value=5,
                                                 help_text="How the cooperation went: 1 very poor … 5 very good.")

    class Meta:
        model = SelfReport
        fields = ["id", "case_id", "meeting_id", "kind", "goals_score", "cooperation_score", "note",
                  "reported_by_id", "reported_at"]
        read_only_fields = ["id", "reported_by_id", "reported_at"]


class DecisionDeadlineSerializer(Serializer[Any]):
    deadline = serializers.DateField(help_text="The new deadline; today or later.")
