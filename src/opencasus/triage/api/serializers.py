from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.cases.api.serializers import CrisisDeadlineSerializer, HitSerializer
from opencasus.cases.models import Participant
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.triage.models import Answer, Assessment, Criterion, Decision, Outcome, RouteTarget, Verdict
from opencasus.triage.services import AssessmentInput, DecisionInput


class QueueSubjectSerializer(Serializer[Any]):
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)


class QueueItemSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(source="case.pk")
    house_id = serializers.IntegerField(source="case.house_id")
    reference = serializers.CharField(source="case.reference")
    status = serializers.CharField(source="case.status")
    subject_type = serializers.CharField(source="case.subject_type")
    urgency = serializers.CharField(source="case.urgency")
    filed_at = serializers.DateTimeField(source="case.filed_at")
    filing_organisation = serializers.CharField(source="case.filed_by_organisation.name")
    age_days = serializers.IntegerField()
    hit_count = serializers.IntegerField()
    triage_date = serializers.DateField()
    subjects = QueueSubjectSerializer(many=True)
    crisis_deadline = CrisisDeadlineSerializer(read_only=True, allow_null=True,
                                               help_text="The crisis lane's triage deadline; null outside it.")


class CriterionAnswerSerializer(Serializer[Any]):
    criterion = serializers.ChoiceField(choices=Criterion.choices)
    answer = serializers.ChoiceField(choices=Answer.choices)
    explanation = serializers.CharField(allow_blank=True, required=False, default="")


class LifeDomainNoteSerializer(Serializer[Any]):
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices)
    note = serializers.CharField(allow_blank=True)


class LocalAnswerSerializer(Serializer[Any]):
    criterion_id = serializers.IntegerField()
    text = serializers.CharField(read_only=True)
    answer = serializers.ChoiceField(choices=Answer.choices)
    explanation = serializers.CharField(allow_blank=True, required=False, default="")


class TriageAssessmentSerializer(Serializer[Assessment]):
    case_id = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(required=False,
                                      help_text="The version read (or If-Match); required to change an assessment.")
    criteria = CriterionAnswerSerializer(many=True)
    life_domains = LifeDomainNoteSerializer(many=True, required=False, default=list)
    local_criteria = LocalAnswerSerializer(many=True, required=False, default=list)
    computed_verdict = serializers.ChoiceField(choices=Verdict.choices, read_only=True)
    override_verdict = serializers.CharField(
        allow_blank=True, required=False, default="",
        help_text="Empty to keep the computed verdict, or meets, does_not_meet or undetermined (grounds required).")
    override_grounds = serializers.CharField(allow_blank=True, required=False, default="")
    verdict = serializers.ChoiceField(choices=Verdict.choices, read_only=True)
    started_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def to_representation(self, instance: Assessment) -> dict[str, Any]:
        return {
            "case_id": instance.case_id, "version": instance.version,
            "criteria": [{"criterion": c.value, "answer": getattr(instance, c.value),
                          "explanation": getattr(instance, f"{c.value}_explanation")} for c in Criterion],
            "life_domains": [{"life_domain": n.life_domain, "note": n.note} for n in instance.life_domains.all()],
            "local_criteria": [{"criterion_id": a.criterion_id, "text": a.criterion.text, "answer": a.answer,
                                "explanation": a.explanation} for a in instance.local_answers.all()],
            "computed_verdict": instance.computed_verdict, "override_verdict": instance.override_verdict,
            "override_grounds": instance.override_grounds, "verdict": instance.verdict,
            "started_at": serializers.DateTimeField().to_representation(instance.started_at),
            "updated_at": serializers.DateTimeField().to_representation(instance.updated_at),
        }

    def to_input(self) -> AssessmentInput:
        data = self.validated_data
        return AssessmentInput(
            answers={row["criterion"]: (row["answer"], row["explanation"]) for row in data["criteria"]},
            life_domains={row["life_domain"]: row["note"] for row in data["life_domains"]},
            local_answers={row["criterion_id"]: (row["answer"], row["explanation"]) for row in data["local_criteria"]},
            override_verdict=data["override_verdict"], override_grounds=data["override_grounds"],
        )


class TriageAssessmentReadSerializer(TriageAssessmentSerializer):
    """The assessment as core staff read it, with the hits of the case's latest hit check (`context["hits"]`)."""

    hits = HitSerializer(many=True, read_only=True, help_text=(
        "The hits of the latest hit check: which house, at what stage, matched on BSN or on name and date of "
        "birth, and whom to contact there. Never the other case's reference or content."))

    def to_representation(self, instance: Assessment) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["hits"] = HitSerializer(self.context["hits"], many=True).data
        return data


class ProfessionalRefSerializer(Serializer[Any]):
    user_id = serializers.IntegerField(help_text="A `userId` of `GET /houses/{houseId}/professionals`.")
    organisation_id = serializers.IntegerField()


class TriageDecisionSerializer(Serializer[Decision]):
    case_version = serializers.IntegerField(write_only=True, required=False,
                                            help_text="The case version read (or send If-Match); checked when sent.")
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    grounds = serializers.CharField()
    advice = serializers.CharField(allow_blank=True, required=False, default="",
                                   help_text="Required when the outcome is `advice`.")
    routed_to = serializers.ChoiceField(choices=RouteTarget.choices, allow_blank=True, required=False, default="",
                                        help_text="Required when the outcome is `route`.")
    routed_to_detail = serializers.CharField(allow_blank=True, required=False, default="", max_length=200)
    purpose = serializers.CharField(allow_blank=True, required=False, default="",
                                    help_text="Required when the outcome is `admit`: what the case is shared for.")
    questions = serializers.CharField(allow_blank=True, required=False, default="",
                                      help_text="Required when the outcome is `admit`.")
    meeting_type_id = serializers.IntegerField(
        allow_null=True, required=False, default=None,
        help_text="Required when the outcome is `admit`: one of `GET /houses/{houseId}/meeting-types`.")
    organisation_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list, write_only=True,
        help_text="Admission: the participating organisations (at least one, or a named professional).")
    professionals = ProfessionalRefSerializer(many=True, required=False, default=list, write_only=True)
    message_to_filer = serializers.CharField(allow_blank=True, required=False, default="", write_only=True)
    process_director_id = serializers.IntegerField(
        allow_null=True, required=False, default=None, write_only=True,
        help_text="The process director the decision names (default: the case's, else the deciding process director).")
    confirm_over_limit = serializers.BooleanField(
        required=False, default=False, write_only=True,
        help_text="Confirms an admission past the house's caseload maximum (recorded); without it such an "
                  "admission answers 400 with the current load.")
    check_back_date = serializers.DateField(
        required=False, allow_null=True, default=None, write_only=True,
        help_text="Advice or route: when the process director checks it was picked up (null: the default).")
    priority_theme_id = serializers.IntegerField(
        allow_null=True, required=False, default=None,
        help_text="Fits the strategic agenda: one of `GET /priority-themes` of the house's region and the year the "
                  "intake was filed (null: fits no priority theme).")
    priority_theme_name = serializers.CharField(source="priority_theme.name", read_only=True, allow_null=True,
                                                default=None)
    verdict = serializers.ChoiceField(choices=Verdict.choices, read_only=True)
    decided_at = serializers.DateTimeField(read_only=True)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)
    feedback_to_filer = serializers.CharField(source="case.feedback_to_filer", read_only=True)

    def to_representation(self, instance: Decision) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["purpose"] = instance.case.purpose
        data["questions"] = instance.case.questions
        data["meeting_type_id"] = instance.case.meeting_type_id
        return data

    def to_input(self) -> DecisionInput:
        data = self.validated_data
        return DecisionInput(
            outcome=data["outcome"], grounds=data["grounds"], advice=data["advice"], routed_to=data["routed_to"],
            routed_to_detail=data["routed_to_detail"], purpose=data["purpose"], questions=data["questions"],
            meeting_type_id=data["meeting_type_id"], organisation_ids=data["organisation_ids"],
            professionals=[(p["user_id"], p["organisation_id"]) for p in data["professionals"]],
            message_to_filer=data["message_to_filer"], process_director_id=data["process_director_id"],
            confirm_over_limit=data["confirm_over_limit"], check_back_date=data["check_back_date"],
            priority_theme_id=data["priority_theme_id"],
        )


class ParticipantSerializer(ModelSerializer[Participant]):
    organisation_id = serializers.IntegerField()
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    user_id = serializers.IntegerField(allow_null=True, required=False, default=None)
    user_name = serializers.SerializerMethodField()
    reason = serializers.CharField(write_only=True)

    class Meta:
        model = Participant
        fields = ["id", "organisation_id", "organisation_name", "user_id", "user_name", "started_at", "ended_at",
                  "reason"]
        read_only_fields = ["id", "started_at", "ended_at"]

    def get_user_name(self, obj: Participant) -> str | None:
        return (obj.user.get_full_name() or obj.user.get_username()) if obj.user else None


class ParticipantEndSerializer(Serializer[Any]):
    reason = serializers.CharField(max_length=500)  # as on the page
