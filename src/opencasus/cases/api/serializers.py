"""API representations. Output is built from `selectors.CaseView`, so each level sees only its part."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.access.policy import CaseAccess
from opencasus.cases.hitcheck import Hit
from opencasus.cases.models import Attachment, Case, InformationItem
from opencasus.cases.selectors import CaseView
from opencasus.cases.services.intake import validate_bsn_input
from opencasus.cases.vocabulary import LifeDomain, PeopleInformed, Relation, Route, SharingScope, SubjectType, Urgency
from opencasus.cases.workflow import Status
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.network import selectors as network_selectors
from opencasus.triage import crisis

LEVEL_NAMES = {CaseAccess.FILER: "filer", CaseAccess.PARTICIPANT: "participant", CaseAccess.CORE: "core"}


class PersonInSerializer(Serializer[Any]):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=150)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    bsn = serializers.CharField(max_length=11, required=False, allow_blank=True, write_only=True,
                                validators=[validate_bsn_input])
    address = serializers.CharField(max_length=250, required=False, allow_blank=True)
    municipality_code = serializers.SlugRelatedField(
        slug_field="code", queryset=network_selectors.municipality_list(), required=False, allow_null=True,
        source="municipality")
    relation = serializers.ChoiceField(choices=Relation.choices, default=Relation.SUBJECT)


class PartnerInSerializer(Serializer[Any]):
    organisation_id = serializers.IntegerField(required=False, allow_null=True)
    organisation_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    contact = serializers.CharField(max_length=250, required=False, allow_blank=True)


class IntakeCreateSerializer(Serializer[Any]):
    house_id = serializers.IntegerField()
    organisation_id = serializers.IntegerField(
        required=False, help_text="The filing organisation; may be left out when the caller has only one there.")
    subject_type = serializers.ChoiceField(choices=SubjectType.choices)
    persons = PersonInSerializer(many=True, required=False)
    reason = serializers.CharField()
    requested_purpose = serializers.CharField()
    route = serializers.ChoiceField(choices=Route.choices)
    release_date = serializers.DateField(required=False, allow_null=True)
    target_group_id = serializers.IntegerField(required=False, allow_null=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, default=Urgency.NORMAL)
    municipality_code = serializers.CharField(max_length=6)
    neighbourhood = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    area_description = serializers.CharField(required=False, allow_blank=True, default="")
    involved_partners = PartnerInSerializer(many=True, required=False)
    running_trajectories = serializers.CharField(required=False, allow_blank=True, default="")
    people_informed = serializers.ChoiceField(choices=PeopleInformed.choices)
    not_informed_reason = serializers.CharField(required=False, allow_blank=True, default="")


class CaseListSerializer(ModelSerializer[Case]):
    house_name = serializers.CharField(source="house.name", read_only=True)

    class Meta:
        model = Case
        fields = ["id", "reference", "house_name", "subject_type", "route", "status", "filed_at", "last_activity_at"]


class StatusChangeOutSerializer(Serializer[Any]):
    status = serializers.ChoiceField(choices=Status.choices, source="to_status")
    changed_at = serializers.DateTimeField()


class PersonOutSerializer(Serializer[Any]):
    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    relation = serializers.ChoiceField(choices=Relation.choices)
    bsn_masked = serializers.CharField(required=False, help_text="Core staff only, e.g. *****6789.")
    address = serializers.CharField(required=False)
    municipality_code = serializers.CharField(required=False, allow_null=True)


class ParticipantOutSerializer(Serializer[Any]):
    organisation_id = serializers.IntegerField()
    organisation_name = serializers.CharField(source="organisation.name")
    professional_name = serializers.SerializerMethodField()

    def get_professional_name(self, obj: Any) -> str | None:
        return (obj.user.get_full_name() or obj.user.get_username()) if obj.user else None


class InformationItemSerializer(ModelSerializer[InformationItem]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    organisation_id = serializers.IntegerField(required=False, allow_null=True)
    person_id = serializers.IntegerField(required=False, allow_null=True)
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices)
    sharing_scope = serializers.ChoiceField(choices=SharingScope.choices)
    shared_with_ids = serializers.ListField(child=serializers.IntegerField(), required=False, write_only=True)
    shared_with = serializers.SerializerMethodField()
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = InformationItem
        fields = ["id", "organisation_id", "organisation_name", "person_id", "life_domain", "text", "sharing_scope",
                  "shared_with_ids", "shared_with", "legal_basis", "author_name", "created_at"]
        read_only_fields = ["id", "created_at"]

    def get_shared_with(self, obj: InformationItem) -> list[int]:
        return sorted(o.pk for o in obj.shared_with.all())

    def get_author_name(self, obj: InformationItem) -> str:
        return obj.author.get_full_name() or obj.author.get_username()


class AttachmentSerializer(ModelSerializer[Attachment]):
    file = serializers.FileField(write_only=True)
    sharing_scope = serializers.ChoiceField(
        choices=[SharingScope.TRIAGE_TABLE, SharingScope.ALL_PARTICIPANTS], default=SharingScope.TRIAGE_TABLE)

    class Meta:
        model = Attachment
        fields = ["id", "file", "filename", "content_type", "size", "description", "sharing_scope", "uploaded_at"]
        read_only_fields = ["id", "filename", "content_type", "size", "uploaded_at"]


class ContactSerializer(Serializer[Any]):
    email = serializers.CharField()
    names = serializers.ListField(child=serializers.CharField())


class HitSerializer(Serializer[Any]):
    person_id = serializers.IntegerField(source="person.pk")
    person_name = serializers.SerializerMethodField()
    matched_by = serializers.ChoiceField(choices=["bsn", "name_dob"])
    house_name = serializers.CharField()
    where = serializers.ChoiceField(choices=["intake", "in_triage", "running_case"])
    contact = ContactSerializer()

    def get_person_name(self, obj: Hit) -> str:
        return str(obj.person)


class IntakeOutSerializer(Serializer[Any]):
    filed_by_organisation_name = serializers.CharField()
    reason = serializers.CharField()
    requested_purpose = serializers.CharField()
    route = serializers.ChoiceField(choices=Route.choices)
    release_date = serializers.DateField(allow_null=True)
    target_group_name = serializers.CharField(allow_null=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices)
    municipality_code = serializers.CharField()
    neighbourhood = serializers.CharField()
    area_description = serializers.CharField()
    running_trajectories = serializers.CharField()
    people_informed = serializers.ChoiceField(choices=PeopleInformed.choices)
    not_informed_reason = serializers.CharField()
    involved_partners = PartnerInSerializer(many=True)


class CrisisDeadlineSerializer(Serializer[Any]):
    """A crisis-lane deadline (read-only): crisis intakes and cases in a house that runs the crisis lane."""

    kind = serializers.ChoiceField(choices=crisis.DeadlineKind.choices, read_only=True,
                                   help_text="triage: counted from the filing; conference: from the admission.")
    due_date = serializers.DateField(read_only=True, help_text="The last working day on which it is met in time.")
    state = serializers.ChoiceField(choices=crisis.DeadlineState.choices, read_only=True)
    met_date = serializers.DateField(source="done_date", read_only=True, allow_null=True,
                                     help_text="The date of the triage decision or of the first conference.")
    planned_date = serializers.DateField(read_only=True, allow_null=True,
                                         help_text="A conference planned with the case on its agenda, not held yet.")


class CaseDetailSerializer(Serializer[Any]):
    """One case per access level: keys above the caller's level are absent."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    access_level = serializers.ChoiceField(choices=["filer", "participant", "core"])
    status = serializers.ChoiceField(choices=Status.choices)
    filed_at = serializers.DateTimeField()
    filing_organisation_name = serializers.CharField(help_text="The organisation that filed the intake.")
    house_name = serializers.CharField()
    status_history = StatusChangeOutSerializer(many=True)
    feedback_to_filer = serializers.CharField(required=False)
    subject_type = serializers.ChoiceField(choices=SubjectType.choices, required=False)
    purpose = serializers.CharField(required=False)
    questions = serializers.CharField(required=False)
    persons = PersonOutSerializer(many=True, required=False)
    participants = ParticipantOutSerializer(many=True, required=False)
    information_items = InformationItemSerializer(many=True, required=False)
    attachments = AttachmentSerializer(many=True, required=False)
    intake = IntakeOutSerializer(required=False)
    hits = HitSerializer(many=True, required=False)
    crisis_deadlines = CrisisDeadlineSerializer(
        many=True, required=False, help_text="Core staff: the crisis lane's deadlines (triage, case conference); "
                                             "empty outside the crisis lane.")

    def to_representation(self, instance: CaseView) -> dict[str, Any]:
        view, case = instance, instance.case
        data: dict[str, Any] = {
            "id": case.pk, "reference": case.reference, "access_level": LEVEL_NAMES[view.level],
            "status": case.status, "filed_at": serializers.DateTimeField().to_representation(case.filed_at),
            "filing_organisation_name": case.filed_by_organisation.name, "house_name": case.house.name,
            "status_history": [{"status": c.to_status, "changed_at": _DATETIME.to_representation(c.changed_at)}
                               for c in view.status_changes],
        }
        if view.shows_feedback:
            data["feedback_to_filer"] = case.feedback_to_filer
        if view.is_participant:
            data.update({
                "subject_type": case.subject_type, "purpose": case.purpose,
                "questions": case.questions,
                "persons": [_person(p, core=view.is_core) for p in view.persons],
                "participants": [_participant(p) for p in view.participants],
                "information_items": [information_item_data(i) for i in view.information_items],
                "attachments": [attachment_data(a) for a in view.attachments],
            })
        if view.is_core:
            data["intake"] = {
                "filed_by_organisation_name": case.filed_by_organisation.name, "reason": case.reason,
                "requested_purpose": case.requested_purpose, "route": case.route,
                "release_date": case.release_date.isoformat() if case.release_date else None,
                "target_group_name": case.target_group.name if case.target_group else None,
                "urgency": case.urgency, "municipality_code": case.municipality.code,
                "neighbourhood": case.neighbourhood, "area_description": case.area_description,
                "running_trajectories": case.running_trajectories, "people_informed": case.people_informed,
                "not_informed_reason": case.not_informed_reason,
                "involved_partners": [{"organisation_id": p.organisation_id, "organisation_name": str(p),
                                       "contact": p.contact} for p in view.involved_partners],
            }
            data["hits"] = HitSerializer(view.hits, many=True).data
            # Computed by the API view for the case it opened (a serializer does not query).
            data["crisis_deadlines"] = CrisisDeadlineSerializer(self.context.get("crisis_deadlines", []),
                                                                many=True).data
        return data


# The case detail is the most requested read of the API: its nested lists are written out directly
# (the same keys and values as StatusChangeOut-, ParticipantOut-, InformationItem- and AttachmentSerializer,
# checked in test_serializers.py) instead of building a model serializer's fields per request.
_DATETIME = serializers.DateTimeField()


def _participant(participant: Any) -> dict[str, Any]:
    user = participant.user
    return {"organisation_id": participant.organisation_id, "organisation_name": participant.organisation.name,
            "professional_name": (user.get_full_name() or user.get_username()) if user else None}


def information_item_data(item: InformationItem) -> dict[str, Any]:
    return {
        "id": item.pk, "organisation_id": item.organisation_id, "organisation_name": item.organisation.name,
        "person_id": item.person_id, "life_domain": item.life_domain, "text": item.text,
        "sharing_scope": item.sharing_scope, "shared_with": sorted(o.pk for o in item.shared_with.all()),
        "legal_basis": item.legal_basis, "author_name": item.author.get_full_name() or item.author.get_username(),
        "created_at": _DATETIME.to_representation(item.created_at),
    }


def attachment_data(attachment: Attachment) -> dict[str, Any]:
    return {
        "id": attachment.pk, "filename": attachment.filename, "content_type": attachment.content_type,
        "size": attachment.size, "description": attachment.description, "sharing_scope": attachment.sharing_scope,
        "uploaded_at": _DATETIME.to_representation(attachment.uploaded_at),
    }


def _person(person: Any, *, core: bool) -> dict[str, Any]:
    data = {"id": person.pk, "first_name": person.first_name, "last_name": person.last_name,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
            "relation": person.relation}
    if core:
        data.update({"bsn_masked": getattr(person, "bsn_masked", ""), "address": person.address,
                     "municipality_code": person.municipality.code if person.municipality else None})
    return data


class CaseSearchSerializer(Serializer[Any]):
    """A case search: every given criterion must match; at least one is required."""

    reference = serializers.CharField(required=False, allow_blank=True, max_length=30)
    name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    bsn = serializers.CharField(required=False, allow_blank=True, max_length=20, validators=[validate_bsn_input],
                                write_only=True)
    municipality_code = serializers.SlugRelatedField(
        slug_field="code", queryset=network_selectors.municipality_list(include_inactive=True), required=False,
        allow_null=True)
    status = serializers.ChoiceField(choices=Status.choices, required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not any(attrs.get(k) for k in ("reference", "name", "date_of_birth", "bsn", "municipality_code", "status")):
            raise serializers.ValidationError("Vul ten minste één zoekveld in.")
        return attrs


class CaseSearchResultSerializer(CaseListSerializer):
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)

    class Meta(CaseListSerializer.Meta):
        fields = [*CaseListSerializer.Meta.fields, "municipality_name"]
