"""API representations of the plan. JSON is camelCase automatically; ids name their target."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.api.serializers import ModelSerializer, Serializer, blank_as_null
from opencasus.core.text import SHORT_TEXT_MAX_LENGTH
from opencasus.plans import selectors
from opencasus.plans.models import (
    Agreement,
    AgreementNote,
    CaseClosure,
    Escalation,
    Evaluation,
    Goal,
    Intervention,
    Plan,
    PlanVersion,
)
from opencasus.plans.vocabulary import (
    PENDING_STATUSES,
    AgreementStatus,
    ClosureOutcome,
    EscalationLevel,
    EscalationOutcome,
    GoalResult,
    InterventionLine,
)


class GoalSerializer(ModelSerializer[Goal]):
    id = serializers.IntegerField(required=False)
    person_id = serializers.IntegerField(allow_null=True, required=False)
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices)

    class Meta:
        model = Goal
        fields = ["id", "life_domain", "person_id", "description"]


class InterventionSerializer(ModelSerializer[Intervention]):
    id = serializers.IntegerField(required=False)
    person_id = serializers.IntegerField(allow_null=True, required=False)
    organisation_id = serializers.IntegerField()
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    line = serializers.ChoiceField(choices=InterventionLine.choices)

    class Meta:
        model = Intervention
        fields = ["id", "line", "organisation_id", "organisation_name", "person_id", "description"]


class AgreementSerializer(ModelSerializer[Agreement]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    owner_organisation_name = serializers.CharField(source="owner_organisation.name", read_only=True)
    owner_user_name = serializers.SerializerMethodField()
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = ["id", "case_id", "case_reference", "description", "owner_organisation_id", "owner_organisation_name",
                  "owner_user_id", "owner_user_name", "deadline", "status", "is_overdue", "source", "created_at",
                  "updated_at", "completed_at", "version"]
        read_only_fields = fields

    def get_owner_user_name(self, obj: Agreement) -> str | None:
        return str(obj.owner_user) if obj.owner_user_id else None

    def get_is_overdue(self, obj: Agreement) -> bool:
        return obj.status in PENDING_STATUSES and obj.deadline < timezone.localdate()


class PlanSerializer(ModelSerializer[Plan]):
    goals = GoalSerializer(many=True, read_only=True)
    interventions = InterventionSerializer(many=True, read_only=True)
    agreements = serializers.SerializerMethodField()
    director_organisation_name = serializers.SerializerMethodField()
    director_user_name = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)  # null before the plan is first saved

    class Meta:
        model = Plan
        fields = ["case_id", "version", "director_organisation_id", "director_organisation_name", "director_user_id",
                  "director_user_name", "evaluation_date", "adopted_version", "changed_since_adoption", "goals",
                  "interventions", "agreements", "updated_at"]
        read_only_fields = fields

    def get_agreements(self, obj: Plan) -> list[dict[str, Any]]:
        return AgreementSerializer(selectors.plan_agreements(obj), many=True).data  # type: ignore[return-value]

    def get_director_organisation_name(self, obj: Plan) -> str | None:
        return str(obj.director_organisation) if obj.director_organisation_id else None

    def get_director_user_name(self, obj: Plan) -> str | None:
        return str(obj.director_user) if obj.director_user_id else None


class PlanWriteSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    director_organisation_id = serializers.IntegerField(allow_null=True, required=False)
    director_user_id = serializers.IntegerField(allow_null=True, required=False)
    evaluation_date = serializers.DateField(allow_null=True, required=False)
    goals = GoalSerializer(many=True)
    interventions = InterventionSerializer(many=True)


class AdoptSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False)
    meeting_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    note = serializers.CharField(required=False, allow_blank=True)


class PlanVersionSerializer(ModelSerializer[PlanVersion]):
    adopted_by_name = serializers.CharField(source="adopted_by.__str__", read_only=True)

    class Meta:
        model = PlanVersion
        fields = ["number", "adopted_at", "adopted_by_name", "meeting_id", "note", "snapshot"]
        read_only_fields = fields


class AgreementCreateSerializer(Serializer[Any]):
    case_id = serializers.IntegerField()
    description = serializers.CharField()
    owner_organisation_id = serializers.IntegerField()
    owner_user_id = serializers.IntegerField(required=False, allow_null=True)
    deadline = serializers.DateField()
    source = serializers.CharField(required=False, allow_blank=True, max_length=200)  # type: ignore[assignment]


class AgreementPatchSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    description = serializers.CharField(required=False)
    owner_organisation_id = serializers.IntegerField(required=False)
    owner_user_id = serializers.IntegerField(required=False, allow_null=True)
    deadline = serializers.DateField(required=False)
    status = serializers.ChoiceField(
        choices=AgreementStatus.choices, required=False,
        help_text="Allowed changes follow the transition table: the owner reports done; a process director "
                  "re-opens, settles as not kept or cancels (with a reason); late is set by the system only.")
    reason = serializers.CharField(required=False, allow_blank=True,
                                   help_text="Required when the status becomes cancelled; kept as a note.")
    progress_note = serializers.CharField(required=False, allow_blank=True)


class NoteSerializer(ModelSerializer[AgreementNote]):
    author_name = serializers.CharField(source="author.__str__", read_only=True)
    organisation_name = serializers.SerializerMethodField()

    class Meta:
        model = AgreementNote
        fields = ["id", "kind", "text", "author_name", "organisation_name", "created_at"]
        read_only_fields = ["id", "kind", "author_name", "organisation_name", "created_at"]

    def get_organisation_name(self, obj: AgreementNote) -> str | None:
        return str(obj.organisation) if obj.organisation_id else None


class EscalationSerializer(ModelSerializer[Escalation]):
    """Managers get metadata only: reason, response and the agreement are left out (null)."""

    case_reference = serializers.CharField(source="case.reference", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    reason = serializers.SerializerMethodField()
    response = serializers.SerializerMethodField()
    agreement_id = serializers.SerializerMethodField()
    outcome = serializers.ChoiceField(choices=EscalationOutcome.choices, read_only=True, allow_null=True,
                                      help_text="Null until the escalation has an outcome.")

    class Meta:
        model = Escalation
        fields = ["id", "case_id", "case_reference", "level", "organisation_id", "organisation_name", "addressed_to",
                  "status", "outcome", "raised_at", "responded_at", "previous_id", "agreement_id", "reason",
                  "response", "version"]
        read_only_fields = fields

    def to_representation(self, instance: Escalation) -> Any:
        return blank_as_null(super().to_representation(instance), "outcome")

    def _content(self, obj: Escalation) -> bool:
        return bool(self.context.get("content")) or obj.pk in self.context.get("content_ids", set())

    def get_reason(self, obj: Escalation) -> str | None:
        return obj.reason if self._content(obj) else None

    def get_response(self, obj: Escalation) -> str | None:
        return obj.response if self._content(obj) else None

    def get_agreement_id(self, obj: Escalation) -> int | None:
        return obj.agreement_id if self._content(obj) else None


class EscalationCreateSerializer(Serializer[Any]):
    case_id = serializers.IntegerField()
    level = serializers.ChoiceField(choices=EscalationLevel.choices)
    organisation_id = serializers.IntegerField(required=False, allow_null=True)
    agreement_id = serializers.IntegerField(required=False, allow_null=True)
    previous_id = serializers.IntegerField(required=False, allow_null=True)
    reason = serializers.CharField()
    addressed_to = serializers.CharField(required=False, allow_blank=True, max_length=300)


class EscalationResponseSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False)
    response = serializers.CharField()
    outcome = serializers.ChoiceField(choices=EscalationOutcome.choices)


class ClosureSerializer(ModelSerializer[CaseClosure]):
    handed_over_to_name = serializers.SerializerMethodField()

    class Meta:
        model = CaseClosure
        fields = ["id", "case_id", "outcome", "handed_over_to_id", "handed_over_to_name", "note", "closed_at",
                  "reopened_at", "reopen_reason"]
        read_only_fields = fields

    def get_handed_over_to_name(self, obj: CaseClosure) -> str | None:
        return str(obj.handed_over_to) if obj.handed_over_to_id else None


class CloseSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The case version you read.")
    outcome = serializers.ChoiceField(choices=ClosureOutcome.choices)
    handed_over_to_id = serializers.IntegerField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True)


class ReopenSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The case version you read.")
    reason = serializers.CharField()


class GoalResultSerializer(Serializer[Any]):
    goal_id = serializers.IntegerField()
    result = serializers.ChoiceField(choices=GoalResult.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=SHORT_TEXT_MAX_LENGTH)  # one line


class EvaluationCreateSerializer(Serializer[Any]):
    evaluated_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True)
    next_evaluation_date = serializers.DateField(required=False, allow_null=True)
    results = GoalResultSerializer(many=True)


class EvaluationSerializer(ModelSerializer[Evaluation]):
    results = serializers.SerializerMethodField()

    class Meta:
        model = Evaluation
        fields = ["id", "evaluated_on", "note", "recorded_at", "results"]
        read_only_fields = fields

    def get_results(self, obj: Evaluation) -> list[dict[str, Any]]:
        return [{"goal_id": r.goal_id, "goal": r.goal_description, "result": r.result, "note": r.note}
                for r in obj.results.all()]
