"""Serializers of the group approach API (camelCase on the wire, by `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opencasus.cases.workflow import Status
from opencasus.core.api.serializers import Serializer
from opencasus.core.text import INTEGER_MAX
from opencasus.groups.selectors import MemberView
from opencasus.groups.vocabulary import MAX_TIER, MIN_TIER, MemberRole


class LinkSerializer(Serializer[Any]):
    visible = serializers.BooleanField(
        help_text="False: an individual case is linked, but the caller may not see it (no reference, no status).")
    case_id = serializers.IntegerField(allow_null=True, help_text="Null unless visible.")
    reference = serializers.CharField(allow_null=True, help_text="Null unless visible.")
    status = serializers.ChoiceField(choices=Status.choices, allow_null=True, help_text="Null unless visible.")


class MemberSerializer(Serializer[MemberView]):
    id = serializers.IntegerField(source="member.pk")
    case_id = serializers.IntegerField(source="member.case_id")
    person_id = serializers.IntegerField(source="member.person_id")
    first_name = serializers.CharField(source="person.first_name")
    last_name = serializers.CharField(source="person.last_name")
    date_of_birth = serializers.DateField(source="person.date_of_birth", allow_null=True)
    role = serializers.ChoiceField(source="member.role", choices=MemberRole.choices)
    tier = serializers.IntegerField(source="member.tier")
    start_date = serializers.DateField(source="member.start_date")
    end_date = serializers.DateField(source="member.end_date", allow_null=True)
    active = serializers.BooleanField(source="member.active")
    individual_case = serializers.SerializerMethodField()
    version = serializers.IntegerField(source="member.version")

    @staticmethod
    def _link(view: MemberView) -> dict[str, Any] | None:
        link = view.link
        if link is None:
            return None
        if not link.visible:
            return {"visible": False, "case_id": None, "reference": None, "status": None}
        linked = view.member.individual_case
        return {"visible": True, "case_id": link.case_id, "reference": link.reference,
                "status": linked.status if linked else None}

    @extend_schema_field(LinkSerializer(allow_null=True, help_text="Null when no individual case is linked."))
    def get_individual_case(self, view: MemberView) -> dict[str, Any] | None:
        return self._link(view)


class MemberCreateSerializer(Serializer[Any]):
    person_id = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=INTEGER_MAX,
                                         help_text="A person recorded in the group case; leave out for a new member.")
    first_name = serializers.CharField(required=False, allow_blank=True, max_length=100,
                                       help_text="A new member's first name (without personId).")
    last_name = serializers.CharField(required=False, allow_blank=True, max_length=150,
                                      help_text="A new member's last name (without personId).")
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    role = serializers.ChoiceField(choices=MemberRole.choices)
    tier = serializers.IntegerField(min_value=MIN_TIER, max_value=MAX_TIER)
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True)


class MemberUpdateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    role = serializers.ChoiceField(choices=MemberRole.choices, required=False)
    tier = serializers.IntegerField(min_value=MIN_TIER, max_value=MAX_TIER, required=False)
    start_date = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False, allow_null=True, help_text="Null: still a member.")


class MemberEndSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    end_date = serializers.DateField(help_text="The day the member left the group (today or earlier).")


class LinkCreateSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read.")
    individual_case_id = serializers.IntegerField(min_value=1, max_value=INTEGER_MAX,
                                                  help_text="A person case of the same house.")
