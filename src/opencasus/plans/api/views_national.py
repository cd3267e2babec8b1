"""API of the national programme: the escalations raised to the national level, and their answer."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.logbook import purposes
from opencasus.plans import selectors_national, services
from opencasus.plans.api.serializers import EscalationResponseSerializer
from opencasus.plans.api.serializers_national import NationalEscalationSerializer
from opencasus.plans.filters import NationalEscalationFilter
from opencasus.plans.models import Escalation

ESCALATION_ID = OpenApiParameter("escalationId", OpenApiTypes.INT, OpenApiParameter.PATH,
                                 description="The national escalation")


class NationalEscalationListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = NationalEscalationFilter
    pagination_class = Pagination
    queryset = Escalation.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Escalations at the national level (national programme; never the case)",
                   tags=["plans"], responses=NationalEscalationSerializer(many=True),
                   operation_id="national_escalations_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(NationalEscalationFilter, request.query_params)
        qs = selectors_national.national_escalation_queryset(
            actor=request.user, status=values["status"] or None, region_code=values["regionCode"] or None)
        paginator = Pagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        items = selectors_national.national_escalations_shown(actor=request.user, escalations=page,
                                                              purpose=purposes.NATIONAL_ESCALATION_LIST_API)
        return paginator.get_paginated_response(NationalEscalationSerializer(items, many=True).data)


class NationalEscalationDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One national escalation (national programme)", tags=["plans"],
                   parameters=[ESCALATION_ID], responses=NationalEscalationSerializer,
                   operation_id="national_escalations_retrieve")
    def get(self, request: AuthenticatedRequest, escalation_id: int) -> Response:
        item = selectors_national.national_escalation_get(actor=request.user, escalation_id=escalation_id)
        return with_etag(Response(NationalEscalationSerializer(item).data), item.version)

    @extend_schema(summary="Answer a national escalation: response and outcome (national programme)",
                   tags=["plans"], parameters=[ESCALATION_ID, IF_MATCH], request=EscalationResponseSerializer,
                   responses=NationalEscalationSerializer, operation_id="national_escalations_partial_update")
    def patch(self, request: AuthenticatedRequest, escalation_id: int) -> Response:
        selectors_national.national_escalation_check(actor=request.user, escalation_id=escalation_id)
        ser = EscalationResponseSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        services.escalation_respond(actor=request.user, escalation_id=escalation_id,
                                    expected_version=required_version(request, data),
                                    response=data["response"], outcome=data["outcome"])
        item = selectors_national.national_escalation_check(actor=request.user, escalation_id=escalation_id)
        return with_etag(Response(NationalEscalationSerializer(item).data), item.version)
