"""Serializers of the transfer API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.cases.models import InformationItem
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.text import LONG_TEXT_MAX_LENGTH
from opencasus.transfers.models import CoDirector, Transfer


class TransferItemSerializer(ModelSerializer[InformationItem]):
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices, read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = InformationItem
        fields = ["id", "life_domain", "organisation_name", "legal_basis"]
        read_only_fields = fields


class TransferSerializer(ModelSerializer[Transfer]):
    from_house_name = serializers.CharField(source="from_house.name", read_only=True)
    to_house_name = serializers.CharField(source="to_house.name", read_only=True)
    information_items = TransferItemSerializer(many=True, read_only=True)
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    new_case_id = serializers.IntegerField(read_only=True, allow_null=True,
                                           help_text="The receiving house's case, once accepted.")
    new_case_reference = serializers.CharField(source="new_case.reference", read_only=True, allow_null=True,
                                               default=None)
    plan_snapshot = serializers.CharField(read_only=True, allow_null=True,
                                          help_text="The adopted plan as text, once accepted (null before).")

    class Meta:
        model = Transfer
        fields = ["id", "case_reference", "from_house_id", "from_house_name", "to_house_id", "to_house_name",
                  "reason", "move_date", "include_purpose", "purpose", "questions", "include_plan",
                  "plan_goal_count", "plan_agreement_count", "plan_snapshot", "person_count", "information_items",
                  "status", "proposed_at", "decided_at", "decision_reason", "new_case_id", "new_case_reference",
                  "version"]
        read_only_fields = fields

    def to_representation(self, instance: Transfer) -> Any:
        data = super().to_representation(instance)
        if instance.status != "accepted" or not instance.include_plan:
            data["plan_snapshot"] = None
        return data


class TransferProposeSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The admitted case to transfer.")
    to_house_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The receiving house.")
    reason = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)
    move_date = serializers.DateField(help_text="The date of the move.")
    include_purpose = serializers.BooleanField(default=True)
    include_plan = serializers.BooleanField(default=False)
    information_item_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False, default=list,
        max_length=500, help_text="Information items marked transferable by their contributors.")


class TransferAcceptSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, min_value=0, max_value=2**31 - 1,
                                       help_text="The version you read (or send If-Match).")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH)
    municipality_id = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1,
                                               help_text="Municipality of the receiving region; default its seat.")


class TransferDeclineSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, min_value=0, max_value=2**31 - 1,
                                       help_text="The version you read (or send If-Match).")
    reason = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)


class TransferabilitySerializer(Serializer[Any]):
    transferable = serializers.BooleanField(help_text="Whether the item may go along with a transfer.")


class TransferabilityResultSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    transferable = serializers.BooleanField(read_only=True)


class CoDirectorSerializer(ModelSerializer[CoDirector]):
    user_name = serializers.CharField(source="user.get_full_name", read_only=True)
    house_name = serializers.CharField(source="house.name", read_only=True)

    class Meta:
        model = CoDirector
        fields = ["id", "case_id", "user_id", "user_name", "house_id", "house_name", "started_at"]
        read_only_fields = fields


class CoDirectorAddSerializer(Serializer[Any]):
    user_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1,
                                       help_text="A process director of another house.")
    house_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Their house.")


class CoParticipantAddSerializer(Serializer[Any]):
    organisation_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1,
                                               help_text="An organisation of the co-director's house.")
    user_id = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1,
                                       help_text="Optionally one of its partner professionals there.")


class CoParticipantSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    case_id = serializers.IntegerField(read_only=True)
    organisation_id = serializers.IntegerField(read_only=True)
    user_id = serializers.IntegerField(read_only=True, allow_null=True)
