"""Serializers of the steering API (camelCase on the wire through `core.api.wire`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from opencasus.core.api.serializers import Serializer
from opencasus.governance.models import ActionStatus, MeetingLevel
from opencasus.plans.vocabulary import EscalationLevel, EscalationStatus

NAME, TEXT = 200, 10_000


class PriorityThemeSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    region_id = serializers.IntegerField(help_text="The region (safety region) of the strategic agenda.")
    region_name = serializers.CharField(source="region.name", read_only=True)
    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="The year of the agenda.")
    name = serializers.CharField(max_length=NAME, help_text="E.g. ondermijning, huiselijk geweld, a neighbourhood.")
    aims = serializers.CharField(max_length=TEXT, help_text="The aims of the theme for the year.")
    version = serializers.IntegerField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class PriorityThemeChangeSerializer(Serializer[Any]):
    name = serializers.CharField(max_length=NAME, required=False)
    aims = serializers.CharField(max_length=TEXT, required=False)
    version = serializers.IntegerField(min_value=1, required=False, help_text="The version read (or If-Match).")


class PriorityThemePutSerializer(PriorityThemeChangeSerializer):
    name = serializers.CharField(max_length=NAME)
    aims = serializers.CharField(max_length=TEXT)


class MeetingItemSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField(max_length=TEXT)
    theme_id = serializers.IntegerField(allow_null=True, required=False, default=None,
                                        help_text="A priority theme of the region's agenda of the meeting's year.")
    theme_name = serializers.CharField(source="theme.name", read_only=True, allow_null=True, default=None)


class MeetingActionSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    meeting_id = serializers.IntegerField(read_only=True)
    decision_id = serializers.IntegerField(allow_null=True, required=False, default=None,
                                           help_text="The decision of the meeting the action carries out.")
    description = serializers.CharField(max_length=TEXT)
    owner_id = serializers.IntegerField(help_text="Someone with a role in one of the meeting's houses.")
    owner_name = serializers.SerializerMethodField()
    deadline_date = serializers.DateField(source="deadline")
    status = serializers.ChoiceField(choices=ActionStatus.choices, read_only=True)
    overdue = serializers.SerializerMethodField()
    version = serializers.IntegerField(read_only=True)

    def get_owner_name(self, obj: Any) -> str:
        return str(obj.owner.get_full_name() or obj.owner.username)

    def get_overdue(self, obj: Any) -> bool:
        from opencasus.governance.selectors import is_overdue

        return is_overdue(obj)


class ActionStatusSerializer(Serializer[Any]):
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    version = serializers.IntegerField(min_value=1, required=False, help_text="The version read (or If-Match).")


class EscalationSummarySerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    escalation_id = serializers.IntegerField(help_text="An escalation of the meeting's houses at its level.")
    level = serializers.ChoiceField(choices=EscalationLevel.choices, read_only=True)
    status = serializers.ChoiceField(choices=EscalationStatus.choices, read_only=True)
    raised_date = serializers.DateField(source="raised_on", read_only=True)
    house = serializers.CharField(read_only=True)
    organisation = serializers.CharField(read_only=True, help_text="The partner organisation that does not deliver.")
    case_reference = serializers.CharField(read_only=True, allow_null=True,
                                           help_text="Only for whoever may see the escalation's content; else null.")


class EscalationLinkSerializer(Serializer[Any]):
    escalation_id = serializers.IntegerField(help_text="An escalation of the meeting's houses at its level.")


class GovernanceMeetingSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    level = serializers.ChoiceField(choices=MeetingLevel.choices)
    house_id = serializers.IntegerField(
        help_text="Tactical: the house of the meeting; strategic: a house of the steering group's region.")
    region_id = serializers.IntegerField(read_only=True)
    meeting_date = serializers.DateField(source="date")
    title = serializers.CharField(max_length=NAME)
    version = serializers.IntegerField(read_only=True)


class GovernanceMeetingDetailSerializer(GovernanceMeetingSerializer):
    agenda_items = MeetingItemSerializer(many=True, read_only=True)
    decisions = MeetingItemSerializer(many=True, read_only=True)
    actions = MeetingActionSerializer(many=True, read_only=True)
    escalations = EscalationSummarySerializer(many=True, read_only=True)
    may_edit = serializers.BooleanField(read_only=True)


