"""API representations of plan proposals (case direction). JSON is camelCase automatically."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.text import LONG_TEXT_MAX_LENGTH
from opencasus.plans.models import PlanProposal
from opencasus.plans.state_tables import ProposalStatus
from opencasus.plans.vocabulary import InterventionLine


class ProposalGoalSerializer(Serializer[Any]):
    id = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                  help_text="The goal of the plan this row changes; without it a new goal.")
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices)
    description = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)
    person_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ProposalInterventionSerializer(Serializer[Any]):
    id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    line = serializers.ChoiceField(choices=InterventionLine.choices)
    description = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)
    organisation_id = serializers.IntegerField(min_value=1)
    person_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ProposalAgreementSerializer(Serializer[Any]):
    id = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                  help_text="A pending agreement of the plan this row changes; without it a new one.")
    description = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH)
    owner_organisation_id = serializers.IntegerField(min_value=1)
    owner_user_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    deadline = serializers.DateField()


class ProposalContentSerializer(Serializer[Any]):
    goals = ProposalGoalSerializer(many=True)
    interventions = ProposalInterventionSerializer(many=True)
    agreements = ProposalAgreementSerializer(many=True)


class ProposalSerializer(ModelSerializer[PlanProposal]):
    status = serializers.ChoiceField(choices=ProposalStatus.choices, read_only=True)
    content = ProposalContentSerializer(read_only=True)
    created_by_name = serializers.CharField(source="created_by.__str__", read_only=True)
    decided_by_name = serializers.SerializerMethodField()
    adopted_version = serializers.SerializerMethodField()

    class Meta:
        model = PlanProposal
        fields = ["id", "case_id", "status", "explanation", "content", "based_on_adopted_version", "created_by_name",
                  "created_at", "updated_at", "proposed_at", "decided_by_name", "decided_at", "decision_note",
                  "adopted_version", "version"]
        read_only_fields = fields

    def get_decided_by_name(self, obj: PlanProposal) -> str | None:
        return str(obj.decided_by) if obj.decided_by_id else None

    def get_adopted_version(self, obj: PlanProposal) -> int | None:
        return obj.adopted_as.number if obj.adopted_as is not None else None


class ProposalWriteSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    explanation = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH)
    goals = ProposalGoalSerializer(many=True)
    interventions = ProposalInterventionSerializer(many=True)
    agreements = ProposalAgreementSerializer(many=True)


class ProposalActionSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")


class ProposalReturnSerializer(ProposalActionSerializer):
    note = serializers.CharField(max_length=LONG_TEXT_MAX_LENGTH, help_text="What the case director should change.")


class ProposalAdoptSerializer(ProposalActionSerializer):
    meeting_id = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                          help_text="The case conference it was adopted in.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH)
