"""API of a house's caseload maximums (house configuration)."""

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
from opencasus.network import limits

HOUSE_ID = OpenApiParameter("houseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The house.")



class CaseloadLimitSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(source="house.pk", read_only=True)
    per_director = serializers.IntegerField(
        allow_null=True, min_value=1, max_value=limits.MAX_PER_DIRECTOR,
        help_text="Maximum of active (admitted) cases per process director; null: no maximum.")
    per_house = serializers.IntegerField(
        allow_null=True, min_value=1, max_value=limits.MAX_PER_HOUSE,
        help_text="Maximum of active (admitted) cases for the house; null: no maximum.")
    version = serializers.IntegerField(help_text="0 while the house has no maximums set; send the version read.",
                                       min_value=0, required=False)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_by = serializers.CharField(read_only=True)
    may_edit = serializers.BooleanField(read_only=True)


class CaseloadLimitView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A house's caseload maximums (core staff, house manager, functional administrator)",
                   tags=["network"], parameters=[HOUSE_ID], responses=CaseloadLimitSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        view = limits.caseload_limit_get(actor=request.user, house_id=house_id)
        return with_etag(Response(CaseloadLimitSerializer(view).data), view.version)

    @extend_schema(summary="Set a house's caseload maximums (house manager, functional administrator)",
                   tags=["network"], parameters=[HOUSE_ID, IF_MATCH], request=CaseloadLimitSerializer,
                   responses=CaseloadLimitSerializer)
    def put(self, request: AuthenticatedRequest, house_id: int) -> Response:
        limits.caseload_limit_get(actor=request.user, house_id=house_id)  # hidden answers 404 before validation
        incoming = CaseloadLimitSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        view = limits.caseload_limit_save(actor=request.user, house_id=house_id, per_director=data["per_director"],
                                          per_house=data["per_house"],
                                          expected_version=required_version(request, data))
        return with_etag(Response(CaseloadLimitSerializer(view).data), view.version)
