"""A house's configuration and its professionals in the API: what an outside client needs to file, triage
and admit a case without the web pages (meeting types, target groups, local criteria, whom to name)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.serializers import ModelSerializer
from opencasus.network import selectors
from opencasus.network.api.limits import HOUSE_ID
from opencasus.network.filters import ProfessionalFilter
from opencasus.network.models import LocalCriterion, MeetingType, Membership, Role, TargetGroup

TAGS = ["network"]


class MeetingTypeSerializer(ModelSerializer[MeetingType]):
    class Meta:
        model = MeetingType
        fields = ["id", "name", "usual_chair", "cadence", "default_slot_minutes"]
        read_only_fields = fields


class TargetGroupSerializer(ModelSerializer[TargetGroup]):
    class Meta:
        model = TargetGroup
        fields = ["id", "name"]
        read_only_fields = fields


class LocalCriterionSerializer(ModelSerializer[LocalCriterion]):
    class Meta:
        model = LocalCriterion
        fields = ["id", "text"]
        read_only_fields = fields


class ProfessionalSerializer(ModelSerializer[Membership]):
    user_id = serializers.IntegerField(read_only=True, help_text="The id to name when adding a participant.")
    full_name = serializers.SerializerMethodField()
    organisation_id = serializers.IntegerField(read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)

    class Meta:
        model = Membership
        fields = ["user_id", "full_name", "organisation_id", "organisation", "role"]
        read_only_fields = fields

    def get_full_name(self, membership: Membership) -> str:
        return membership.user.get_full_name() or membership.user.get_username()


class _HouseList(SnakeCaseKwargsAPIView, generics.ListAPIView):  # type: ignore[type-arg]
    request: AuthenticatedRequest


@extend_schema_view(get=extend_schema(summary="A house's meeting types (members of the house)", tags=TAGS,
                                      parameters=[HOUSE_ID]))
class MeetingTypeListView(_HouseList):
    queryset = MeetingType.objects.none()  # names the model in the OpenAPI document; rows come from the selector
    serializer_class = MeetingTypeSerializer

    def get_queryset(self) -> QuerySet[MeetingType]:
        return selectors.house_meeting_types(actor=self.request.user, house_id=self.kwargs["house_id"])


@extend_schema_view(get=extend_schema(summary="A house's target groups and themes (members of the house)",
                                      tags=TAGS, parameters=[HOUSE_ID]))
class TargetGroupListView(_HouseList):
    queryset = TargetGroup.objects.none()  # names the model in the OpenAPI document; rows come from the selector
    serializer_class = TargetGroupSerializer

    def get_queryset(self) -> QuerySet[TargetGroup]:
        return selectors.house_target_groups(actor=self.request.user, house_id=self.kwargs["house_id"])


@extend_schema_view(get=extend_schema(summary="A house's local triage criteria (members of the house)", tags=TAGS,
                                      parameters=[HOUSE_ID]))
class LocalCriterionListView(_HouseList):
    queryset = LocalCriterion.objects.none()  # names the model in the OpenAPI document; rows come from the selector
    serializer_class = LocalCriterionSerializer

    def get_queryset(self) -> QuerySet[LocalCriterion]:
        return selectors.house_local_criteria(actor=self.request.user, house_id=self.kwargs["house_id"])


@extend_schema_view(get=extend_schema(
    summary="The professionals of a house with their organisation and role (core staff, house manager, "
            "functional administrator)", tags=TAGS, parameters=[HOUSE_ID]))
class ProfessionalListView(_HouseList):
    queryset = Membership.objects.none()  # names the model in the OpenAPI document; rows come from the selector
    serializer_class = ProfessionalSerializer
    filter_backends = [FilterBackend]
    filterset_class = ProfessionalFilter

    def get_queryset(self) -> QuerySet[Membership]:
        role: Any = filter_values(ProfessionalFilter, self.request.query_params)["role"] or None
        return selectors.house_professionals(actor=self.request.user, house_id=self.kwargs["house_id"], role=role)
