"""Serializers of the after-care API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.aftercare.models import ExpectedRelease, ReleaseImport, TimelineItem
from opencasus.aftercare.vocabulary import BASIC_CONDITIONS, ItemStatus
from opencasus.cases.vocabulary import PeopleInformed
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.text import LONG_TEXT_MAX_LENGTH


class TimelineItemSerializer(ModelSerializer[TimelineItem]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    owner_organisation_id = serializers.IntegerField(read_only=True, allow_null=True)
    owner_organisation_name = serializers.SerializerMethodField()
    owner_user_id = serializers.IntegerField(read_only=True, allow_null=True)
    owner_user_name = serializers.SerializerMethodField()
    receiver_organisation_id = serializers.IntegerField(read_only=True, allow_null=True,
                                                        help_text="The warm hand-over only: handed over to.")
    completed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    completed_on_time = serializers.BooleanField(read_only=True, allow_null=True)
    is_basic_condition = serializers.SerializerMethodField()

    class Meta:
        model = TimelineItem
        fields = ["id", "case_id", "case_reference", "house_id", "kind", "is_basic_condition", "owner_organisation_id",
                  "owner_organisation_name", "owner_user_id", "owner_user_name", "deadline", "status", "note",
                  "receiver_organisation_id", "completed_at", "completed_on_time", "version"]
        read_only_fields = fields

    def get_owner_organisation_name(self, obj: TimelineItem) -> str | None:
        return obj.owner_organisation.name if obj.owner_organisation else None

    def get_owner_user_name(self, obj: TimelineItem) -> str | None:
        return obj.owner_user.get_full_name() if obj.owner_user else None

    def get_is_basic_condition(self, obj: TimelineItem) -> bool:
        return obj.kind in BASIC_CONDITIONS


class TimelineSerializer(Serializer[Any]):
    case_id = serializers.IntegerField()
    release_date = serializers.DateField(allow_null=True)
    exists = serializers.BooleanField(help_text="False while the case has no timeline yet.")
    editable = serializers.BooleanField(help_text="Whether the caller may change it (core staff of the house).")
    items = TimelineItemSerializer(many=True)
    version = serializers.IntegerField(help_text="0 before the timeline exists.")


class ReleaseDateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    release_date = serializers.DateField(help_text="The (new) expected release date; open deadlines move along.")


class ItemUpdateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    owner_organisation_id = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    owner_user_id = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    deadline = serializers.DateField(required=False)
    status = serializers.ChoiceField(choices=ItemStatus.choices, required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH,
                                 help_text="Required when the status is not_needed.")


class HandoverSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    by_organisation_id = serializers.IntegerField(min_value=1, help_text="The organisation that hands over.")
    to_organisation_id = serializers.IntegerField(min_value=1, help_text="The organisation that takes over.")
    done = serializers.BooleanField(help_text="Whether the warm hand-over took place.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH,
                                 help_text="Required when it did not take place.")


class ExpectedReleaseSerializer(ModelSerializer[ExpectedRelease]):
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    date_of_birth = serializers.DateField(read_only=True, allow_null=True)
    has_bsn = serializers.SerializerMethodField()
    case_id = serializers.SerializerMethodField(help_text="The case it was linked to (core staff only, else null).")

    class Meta:
        model = ExpectedRelease
        fields = ["id", "house_id", "municipality_id", "municipality_name", "first_name", "last_name",
                  "date_of_birth", "has_bsn", "institution", "release_date", "match", "case_id"]
        read_only_fields = fields

    def get_has_bsn(self, obj: ExpectedRelease) -> bool:
        return bool(obj.bsn_hash)

    def get_case_id(self, obj: ExpectedRelease) -> int | None:
        core: set[int] = self.context.get("core_house_ids", set())
        return obj.case_id if obj.house_id in core else None


class ReleaseIntakeSerializer(Serializer[Any]):
    organisation_id = serializers.IntegerField(min_value=1, help_text="The organisation you file for.")
    reason = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)
    requested_purpose = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)
    people_informed = serializers.ChoiceField(choices=PeopleInformed.choices)
    not_informed_reason = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH)


class CreatedCaseSerializer(Serializer[Any]):
    case_id = serializers.IntegerField()
    reference = serializers.CharField()


class RefusedReleaseRowSerializer(Serializer[Any]):
    line = serializers.IntegerField(help_text="The row number in the file (the header is row 1).")
    field = serializers.CharField(help_text="The column, empty for the whole row.")
    reason = serializers.CharField()


class ReleaseImportSerializer(ModelSerializer[ReleaseImport]):
    rejected = RefusedReleaseRowSerializer(many=True, read_only=True)

    class Meta:
        model = ReleaseImport
        fields = ["id", "house_id", "filename", "uploaded_at", "total_rows", "accepted_rows", "matched_rows",
                  "rejected"]
        read_only_fields = fields


class ReleaseUploadSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(min_value=1)
    file = serializers.FileField()


class SettingsSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (0 before the first save).")
    identity_days = serializers.IntegerField(min_value=0, max_value=365)
    income_days = serializers.IntegerField(min_value=0, max_value=365)
    housing_days = serializers.IntegerField(min_value=0, max_value=365)
    care_days = serializers.IntegerField(min_value=0, max_value=365)
    debts_days = serializers.IntegerField(min_value=0, max_value=365)
    check_weeks = serializers.IntegerField(min_value=1, max_value=52)


class AftercareCountSerializer(Serializer[Any]):
    value = serializers.IntegerField(allow_null=True, help_text="Null when suppressed (a small count).")
    suppressed = serializers.BooleanField()


class FiguresSerializer(Serializer[Any]):
    house_id = serializers.IntegerField()
    municipality_id = serializers.IntegerField(allow_null=True, help_text="Set when the figures are of one "
                                                                          "municipality only.")
    year = serializers.IntegerField()
    releases = AftercareCountSerializer()
    conditions_due = AftercareCountSerializer()
    conditions_on_time = AftercareCountSerializer()
    handovers_due = AftercareCountSerializer()
    handovers_done = AftercareCountSerializer()
    checks_done = AftercareCountSerializer()
