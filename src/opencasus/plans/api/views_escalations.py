"""API: escalations (raise, respond, list) and closing / re-opening a case."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.access import escalations as escalation_access
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.logbook import purposes
from opencasus.plans import selectors, services
from opencasus.plans.api import serializers as s
from opencasus.plans.api._common import organisation
from opencasus.plans.filters import EscalationFilter
from opencasus.plans.models import Escalation

CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case")
ESCALATION_ID = OpenApiParameter("escalationId", OpenApiTypes.INT, OpenApiParameter.PATH,
                                 description="The escalation")


class EscalationListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = EscalationFilter
    pagination_class = Pagination
    queryset = Escalation.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(
        summary="Escalations of the caller's houses (managers and steering group: metadata only)", tags=["plans"],
        responses=s.EscalationSerializer(many=True), operation_id="escalations_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(EscalationFilter, request.query_params)
        level, state = values["level"] or None, values["status"] or None
        qs = selectors.escalation_overview(actor=request.user, level=level, status=state)
        paginator = Pagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        content_ids = {e.pk for e in page if escalation_access.sees_content(request.user, e)}
        selectors.record_escalation_list_view(actor=request.user, escalations=page,
                                              purpose=purposes.ESCALATION_LIST_API)
        data = s.EscalationSerializer(page, many=True, context={"content_ids": content_ids}).data
        return paginator.get_paginated_response(data)

    @extend_schema(summary="Escalate: a partner does not deliver (core staff)", tags=["plans"],
                   request=s.EscalationCreateSerializer, responses={201: s.EscalationSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.EscalationCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        selectors.core_case(actor=request.user, case_id=data["case_id"])
        escalation = services.escalation_raise(
            actor=request.user, case_id=data["case_id"], level=data["level"],
            organisation=organisation(data.get("organisation_id"), "organisationId"), reason=data["reason"],
            addressed_to=data.get("addressed_to", ""), agreement_id=data.get("agreement_id"),
            previous_id=data.get("previous_id"))
        return Response(s.EscalationSerializer(escalation, context={"content": True}).data,
                        status=status.HTTP_201_CREATED)


class EscalationDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One escalation (metadata only for managers)", tags=["plans"], parameters=[ESCALATION_ID],
                   responses=s.EscalationSerializer)
    def get(self, request: AuthenticatedRequest, escalation_id: int) -> Response:
        escalation, content = selectors.escalation_get(actor=request.user, escalation_id=escalation_id)
        return with_etag(Response(s.EscalationSerializer(escalation, context={"content": content}).data),
                         escalation.version)

    @extend_schema(summary="Record the response and outcome (core staff, or the addressed manager/steering group)",
                   tags=["plans"], parameters=[ESCALATION_ID, IF_MATCH], request=s.EscalationResponseSerializer,
                   responses=s.EscalationSerializer)
    def patch(self, request: AuthenticatedRequest, escalation_id: int) -> Response:
        escalation, content = selectors.escalation_check(actor=request.user, escalation_id=escalation_id)
        ser = s.EscalationResponseSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        escalation = services.escalation_respond(
            actor=request.user, escalation_id=escalation_id, expected_version=required_version(request, data),
            response=data["response"], outcome=data["outcome"])
        return with_etag(Response(s.EscalationSerializer(escalation, context={"content": content}).data),
                         escalation.version)


class ClosureView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Close the case with an outcome and warm hand-over (core staff)", tags=["plans"],
                   parameters=[CASE_ID, IF_MATCH], request=s.CloseSerializer, responses={201: s.ClosureSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.core_case(actor=request.user, case_id=case_id)
        ser = s.CloseSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        closure = services.case_close(
            actor=request.user, case_id=case_id, outcome=data["outcome"],
            handed_over_to=organisation(data.get("handed_over_to_id"), "handedOverToId"), note=data.get("note", ""),
            expected_version=optional_version(request, data))
        return Response(s.ClosureSerializer(closure).data, status=status.HTTP_201_CREATED)


class ReopenView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Re-open a closed case with a reason (core staff)", tags=["plans"],
                   parameters=[CASE_ID, IF_MATCH], request=s.ReopenSerializer, responses={200: s.ClosureSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.core_case(actor=request.user, case_id=case_id)
        ser = s.ReopenSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        closure = services.case_reopen(actor=request.user, case_id=case_id, reason=data["reason"],
                                       expected_version=optional_version(request, data))
        return Response(s.ClosureSerializer(closure).data if closure else {})
