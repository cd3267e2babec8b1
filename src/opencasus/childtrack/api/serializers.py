"""Serializers of the Kindspoor API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.childtrack.models import ChildCheck, SafetyOutcome
from opencasus.childtrack.services import ChildCheckInput
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.text import LONG_TEXT_MAX_LENGTH, NAME_MAX_LENGTH


class ChildCheckSerializer(ModelSerializer[ChildCheck]):
    person_id = serializers.IntegerField(read_only=True)
    child_name = serializers.SerializerMethodField()
    date_of_birth = serializers.DateField(source="person.date_of_birth", read_only=True, allow_null=True)
    seen_and_heard = serializers.BooleanField(read_only=True, allow_null=True)
    seen_on = serializers.DateField(read_only=True, allow_null=True)
    safety_outcome = serializers.ChoiceField(choices=SafetyOutcome.choices, read_only=True, allow_null=True,
                                             help_text="Null until the safety was assessed.")
    help_offered = serializers.BooleanField(read_only=True, allow_null=True)
    help_organisation_id = serializers.IntegerField(read_only=True, allow_null=True)
    help_organisation_name = serializers.CharField(source="help_organisation.name", read_only=True,
                                                   allow_null=True, default=None)
    veilig_thuis_involved = serializers.BooleanField(read_only=True, allow_null=True)
    board_involved = serializers.BooleanField(read_only=True, allow_null=True,
                                              help_text="Child Protection Board (Raad voor de Kinderbescherming).")
    complete = serializers.BooleanField(read_only=True)
    missing = serializers.ListField(child=serializers.CharField(), read_only=True,
                                    help_text="The questions not answered yet.")

    class Meta:
        model = ChildCheck
        fields = ["id", "case_id", "person_id", "child_name", "date_of_birth", "seen_and_heard", "seen_on",
                  "seen_by", "safety_outcome", "safety_note", "help_offered", "help_organisation_id",
                  "help_organisation_name", "veilig_thuis_involved", "veilig_thuis_reason", "board_involved",
                  "board_reason", "complete", "missing", "recorded_at", "updated_at", "version"]
        read_only_fields = fields

    def get_child_name(self, obj: ChildCheck) -> str:
        return f"{obj.person.first_name} {obj.person.last_name}"

    def to_representation(self, instance: ChildCheck) -> Any:
        data = super().to_representation(instance)
        data["safety_outcome"] = data["safety_outcome"] or None
        data["missing"] = instance.missing()
        return data


class ChildCheckWriteSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, min_value=0,
                                       help_text="The version you read (or send If-Match); 0 creates the check.")
    seen_and_heard = serializers.BooleanField(required=False, allow_null=True, default=None)
    seen_on = serializers.DateField(required=False, allow_null=True, default=None)
    seen_by = serializers.CharField(required=False, allow_blank=True, default="", max_length=NAME_MAX_LENGTH)
    safety_outcome = serializers.ChoiceField(choices=SafetyOutcome.choices, required=False, allow_null=True,
                                             default=None)
    safety_note = serializers.CharField(required=False, allow_blank=True, default="",
                                        max_length=LONG_TEXT_MAX_LENGTH)
    help_offered = serializers.BooleanField(required=False, allow_null=True, default=None)
    help_organisation_id = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                                    max_value=2**31 - 1)
    veilig_thuis_involved = serializers.BooleanField(required=False, allow_null=True, default=None)
    veilig_thuis_reason = serializers.CharField(required=False, allow_blank=True, default="",
                                                max_length=LONG_TEXT_MAX_LENGTH)
    board_involved = serializers.BooleanField(required=False, allow_null=True, default=None)
    board_reason = serializers.CharField(required=False, allow_blank=True, default="",
                                         max_length=LONG_TEXT_MAX_LENGTH)

    def to_input(self) -> ChildCheckInput:
        d = self.validated_data
        return ChildCheckInput(
            seen_and_heard=d["seen_and_heard"], seen_on=d["seen_on"], seen_by=d["seen_by"],
            safety_outcome=d["safety_outcome"] or "", safety_note=d["safety_note"], help_offered=d["help_offered"],
            help_organisation_id=d["help_organisation_id"], veilig_thuis_involved=d["veilig_thuis_involved"],
            veilig_thuis_reason=d["veilig_thuis_reason"], board_involved=d["board_involved"],
            board_reason=d["board_reason"])


class ChildCheckCreateSerializer(ChildCheckWriteSerializer):
    person_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1,
                                         help_text="The child (a person of the case).")


class ChildRowSerializer(Serializer[Any]):
    person_id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    date_of_birth = serializers.DateField(read_only=True, allow_null=True)
    child_check_id = serializers.IntegerField(read_only=True, allow_null=True, help_text="Null: no check yet.")
    complete = serializers.BooleanField(read_only=True)


class ChildTrackSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(read_only=True)
    domestic_violence = serializers.BooleanField(read_only=True)
    applies = serializers.BooleanField(read_only=True, help_text="Domestic violence and at least one minor.")
    missing = serializers.ListField(child=serializers.CharField(), read_only=True,
                                    help_text="Names of the children whose check is missing or incomplete.")
    children = ChildRowSerializer(many=True, read_only=True, help_text="Every person under 18 on the filing date.")


class DomesticViolenceFlagSerializer(Serializer[Any]):
    flagged = serializers.BooleanField(help_text="True: core staff mark the case as domestic violence; false: the "
                                                 "mark is taken away (a target group the house counts stays).")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=LONG_TEXT_MAX_LENGTH)
