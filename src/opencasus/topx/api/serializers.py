"""Serializers of the Top X API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.cases.vocabulary import PeopleInformed
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.text import NAME_MAX_LENGTH
from opencasus.topx.models import Candidate, CandidateImport, ExitCriterion, InclusionCriterion, Review, TopXList
from opencasus.topx.vocabulary import MAX_CYCLE_MONTHS, MAX_SCORE_LIMIT, ReviewOutcome


class TopxInclusionCriterionSerializer(ModelSerializer[InclusionCriterion]):
    class Meta:
        model = InclusionCriterion
        fields = ["id", "position", "text", "max_score"]
        read_only_fields = fields


class TopxExitCriterionSerializer(ModelSerializer[ExitCriterion]):
    class Meta:
        model = ExitCriterion
        fields = ["id", "position", "text"]
        read_only_fields = fields


class TopxListSerializer(ModelSerializer[TopXList]):
    municipality_id = serializers.IntegerField(read_only=True, allow_null=True)
    criteria = TopxInclusionCriterionSerializer(many=True, read_only=True)
    exit_criteria = TopxExitCriterionSerializer(many=True, read_only=True)

    class Meta:
        model = TopXList
        fields = ["id", "house_id", "name", "theme", "municipality_id", "review_cycle_months", "active", "criteria",
                  "exit_criteria", "created_at", "version"]
        read_only_fields = fields


class TopxCriteriaSerializer(Serializer[Any]):
    criteria = TopxInclusionCriterionSerializer(many=True)
    exit_criteria = TopxExitCriterionSerializer(many=True)


class TopxCriterionInputSerializer(Serializer[Any]):
    text = serializers.CharField(max_length=1000)
    max_score = serializers.IntegerField(min_value=1, max_value=MAX_SCORE_LIMIT, required=False, default=5)


class TopxListCreateSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(min_value=1)
    name = serializers.CharField(max_length=NAME_MAX_LENGTH)
    theme = serializers.CharField(max_length=NAME_MAX_LENGTH, required=False, allow_blank=True, default="")
    municipality_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    review_cycle_months = serializers.IntegerField(min_value=1, max_value=MAX_CYCLE_MONTHS)
    criteria = TopxCriterionInputSerializer(many=True)
    exit_criteria = serializers.ListField(child=serializers.CharField(max_length=1000), max_length=10)


class TopxListUpdateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    name = serializers.CharField(max_length=NAME_MAX_LENGTH, required=False)
    theme = serializers.CharField(max_length=NAME_MAX_LENGTH, required=False, allow_blank=True)
    review_cycle_months = serializers.IntegerField(min_value=1, max_value=MAX_CYCLE_MONTHS, required=False)
    active = serializers.BooleanField(required=False)
    criteria = TopxCriterionInputSerializer(many=True, required=False)
    exit_criteria = serializers.ListField(child=serializers.CharField(max_length=1000), max_length=10,
                                          required=False)


class TopxScoreSerializer(Serializer[Any]):
    position = serializers.IntegerField(min_value=1, max_value=100, help_text="The criterion's number.")
    score = serializers.IntegerField(min_value=0, max_value=MAX_SCORE_LIMIT)


class TopxReviewSerializer(ModelSerializer[Review]):
    exit_criterion_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Review
        fields = ["id", "candidate_id", "reviewed_on", "outcome", "exit_criterion_id", "grounds", "recorded_at"]
        read_only_fields = fields


class TopxCandidateStatusSerializer(ModelSerializer[Candidate]):
    """What a proposer sees of their own proposal: the status."""

    list_id = serializers.IntegerField(source="topx_list_id", read_only=True)
    stage = serializers.CharField(source="shown_stage", read_only=True,
                                  help_text="proposed, included, under_review, exited or not_included")
    access = serializers.SerializerMethodField()

    class Meta:
        model = Candidate
        fields = ["id", "list_id", "house_id", "first_name", "last_name", "stage", "source", "proposed_at",
                  "proposed_by_organisation_id", "access", "version"]
        read_only_fields = fields

    def get_access(self, obj: Candidate) -> str:
        return "proposer"


class TopxCandidateSerializer(TopxCandidateStatusSerializer):
    date_of_birth = serializers.DateField(read_only=True, allow_null=True)
    case_id = serializers.IntegerField(read_only=True, allow_null=True)
    case_reference = serializers.SerializerMethodField()
    scores = serializers.SerializerMethodField()
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    next_review_date = serializers.DateField(read_only=True, allow_null=True)
    exited_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta(TopxCandidateStatusSerializer.Meta):
        fields = [*TopxCandidateStatusSerializer.Meta.fields, "date_of_birth", "motivation", "scores",
                  "decision_grounds", "decided_at", "case_id", "case_reference", "next_review_date", "exited_on"]
        read_only_fields = fields

    def get_access(self, obj: Candidate) -> str:
        return str(self.context.get("levels", {}).get(obj.pk, "participant"))

    def get_case_reference(self, obj: Candidate) -> str | None:
        return obj.case.reference if obj.case else None

    def get_scores(self, obj: Candidate) -> list[dict[str, int]]:
        return [{"position": s.criterion.position, "score": s.score} for s in obj.scores.all()]


class TopxProposalSerializer(Serializer[Any]):
    list_id = serializers.IntegerField(min_value=1)
    organisation_id = serializers.IntegerField(min_value=1)
    first_name = serializers.CharField(max_length=NAME_MAX_LENGTH)
    last_name = serializers.CharField(max_length=NAME_MAX_LENGTH)
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    bsn = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    scores = TopxScoreSerializer(many=True)
    motivation = serializers.CharField(max_length=10_000)


class TopxDecisionSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    include = serializers.BooleanField()
    grounds = serializers.CharField(max_length=10_000)
    case_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None,
                                       help_text="Include: link this running case of the person.")
    requested_purpose = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="",
                                              help_text="Include without caseId: the purpose of the new intake.")
    people_informed = serializers.ChoiceField(choices=PeopleInformed.choices, required=False, allow_blank=True,
                                              default="")
    not_informed_reason = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")
    municipality_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)


class TopxReviewCreateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The candidate's version you read.")
    outcome = serializers.ChoiceField(choices=ReviewOutcome.choices)
    exit_criterion_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    reviewed_on = serializers.DateField(required=False, allow_null=True, default=None)
    grounds = serializers.CharField(max_length=10_000)


class TopxImportUploadSerializer(Serializer[Any]):
    organisation_id = serializers.IntegerField(min_value=1, help_text="The organisation that supplied the list.")
    file = serializers.FileField()


class TopxRefusedRowSerializer(Serializer[Any]):
    row = serializers.IntegerField()
    field = serializers.CharField()
    reason = serializers.CharField()


class TopxCandidateImportSerializer(ModelSerializer[CandidateImport]):
    list_id = serializers.IntegerField(source="topx_list_id", read_only=True)
    refused = TopxRefusedRowSerializer(many=True, read_only=True)

    class Meta:
        model = CandidateImport
        fields = ["id", "list_id", "house_id", "organisation_id", "filename", "uploaded_at", "total_rows",
                  "stored_rows", "refused"]
        read_only_fields = fields
