"""API of the approaches a house runs and of its crisis-lane periods (house configuration)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.serializers import Serializer
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.network import approach_settings
from opencasus.network.models import Approach

HOUSE_ID = OpenApiParameter("houseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The house.")
APPROACH = OpenApiParameter("approach", OpenApiTypes.STR, OpenApiParameter.PATH, enum=Approach.values,
                            description="The approach.")


class ApproachSerializer(Serializer[Any]):
    approach = serializers.ChoiceField(choices=Approach.choices, read_only=True)
    name = serializers.CharField(source="label", read_only=True)
    enabled = serializers.BooleanField(help_text="Whether the house runs the approach.")
    version = serializers.IntegerField(min_value=0, required=False,
                                       help_text="0 while the approach was never switched; send the version read.")
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_by = serializers.CharField(read_only=True)


class ApproachPatchSerializer(Serializer[Any]):
    enabled = serializers.BooleanField(required=False, help_text="Whether the house runs the approach.")
    version = serializers.IntegerField(min_value=0, required=False,
                                       help_text="0 while the approach was never switched; send the version read.")


class ApproachListSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(source="house.pk", read_only=True)
    may_edit = serializers.BooleanField(read_only=True)
    approaches = ApproachSerializer(source="items", many=True, read_only=True)


class CrisisLaneSettingsSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(source="house.pk", read_only=True)
    triage_days = serializers.IntegerField(min_value=1, max_value=approach_settings.MAX_DAYS,
                                           help_text="Working days to triage, counted from the filing.")
    conference_days = serializers.IntegerField(min_value=1, max_value=approach_settings.MAX_DAYS,
                                               help_text="Working days to the first case conference, counted from "
                                                         "the admission.")
    version = serializers.IntegerField(min_value=0, required=False,
                                       help_text="0 while the house kept the defaults; send the version read.")
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_by = serializers.CharField(read_only=True)
    may_edit = serializers.BooleanField(read_only=True)


class ApproachListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The approaches of a house, each switched on or off", tags=["network"],
                   operation_id="houses_approaches_list", parameters=[HOUSE_ID], responses=ApproachListSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        view = approach_settings.approach_list(actor=request.user, house_id=house_id)
        return Response(ApproachListSerializer(view).data)


class ApproachView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One approach of a house", tags=["network"], parameters=[HOUSE_ID, APPROACH],
                   responses=ApproachSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int, approach: str) -> Response:
        state = approach_settings.approach_get(actor=request.user, house_id=house_id, approach=approach)
        return with_etag(Response(ApproachSerializer(state).data), state.version)

    def _save(self, request: AuthenticatedRequest, house_id: int, approach: str, *, partial: bool) -> Response:
        current = approach_settings.approach_get(actor=request.user, house_id=house_id, approach=approach)
        incoming = (ApproachPatchSerializer if partial else ApproachSerializer)(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        state = approach_settings.approach_switch(
            actor=request.user, house_id=house_id, approach=approach, enabled=data.get("enabled", current.enabled),
            expected_version=required_version(request, data))
        return with_etag(Response(ApproachSerializer(state).data), state.version)

    @extend_schema(summary="Switch an approach of a house on or off (house manager, functional administrator)",
                   tags=["network"], parameters=[HOUSE_ID, APPROACH, IF_MATCH], request=ApproachSerializer,
                   responses=ApproachSerializer)
    def put(self, request: AuthenticatedRequest, house_id: int, approach: str) -> Response:
        return self._save(request, house_id, approach, partial=False)

    @extend_schema(summary="Switch an approach of a house on or off (house manager, functional administrator)",
                   tags=["network"], parameters=[HOUSE_ID, APPROACH, IF_MATCH], request=ApproachPatchSerializer,
                   responses=ApproachSerializer)
    def patch(self, request: AuthenticatedRequest, house_id: int, approach: str) -> Response:
        return self._save(request, house_id, approach, partial=True)


class CrisisLaneSettingsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The crisis-lane periods of a house (404 where the house does not run the crisis lane)",
                   tags=["network"], parameters=[HOUSE_ID], responses=CrisisLaneSettingsSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        view = approach_settings.crisis_settings_get(actor=request.user, house_id=house_id)
        return with_etag(Response(CrisisLaneSettingsSerializer(view).data), view.version)

    @extend_schema(summary="Set the crisis-lane periods of a house (house manager, functional administrator)",
                   tags=["network"], parameters=[HOUSE_ID, IF_MATCH], request=CrisisLaneSettingsSerializer,
                   responses=CrisisLaneSettingsSerializer)
    def put(self, request: AuthenticatedRequest, house_id: int) -> Response:
        approach_settings.crisis_settings_get(actor=request.user, house_id=house_id)  # hidden: 404 first
        incoming = CrisisLaneSettingsSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        view = approach_settings.crisis_settings_save(
            actor=request.user, house_id=house_id, triage_days=data["triage_days"],
            conference_days=data["conference_days"], expected_version=required_version(request, data))
        return with_etag(Response(CrisisLaneSettingsSerializer(view).data), view.version)
