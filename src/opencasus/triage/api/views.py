"""The triage API: queue, assessment, decision and participants. Writes are for core staff only."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.cases.models import Case
from opencasus.cases.selectors import case_hits
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination, paginated_schema
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, with_etag
from opencasus.triage import selectors, services
from opencasus.triage.api.serializers import (
    ParticipantEndSerializer,
    ParticipantSerializer,
    QueueItemSerializer,
    TriageAssessmentReadSerializer,
    TriageAssessmentSerializer,
    TriageDecisionSerializer,
)
from opencasus.triage.filters import TriageQueueFilter

CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case.")


class QueuePagination(Pagination):
    page_size = selectors.QUEUE_PAGE_SIZE


class TriageQueueView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = TriageQueueFilter
    queryset = Case.objects.none()  # names the model for the OpenAPI document; the selector reads

    pagination_class = QueuePagination

    @extend_schema(
        summary="Intakes waiting for triage in the caller's houses (core staff), next table first, paged",
        tags=["triage"], parameters=[
            OpenApiParameter("page", int, description="The page (from 1; 404 past the last page)."),
            OpenApiParameter("pageSize", int, description=f"Intakes per page, 1 to {Pagination.max_page_size} "
                             f"(default {selectors.QUEUE_PAGE_SIZE})."),
        ],
        responses=paginated_schema(QueueItemSerializer, "PaginatedQueueItemList"),
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        house_id = filter_values(TriageQueueFilter, request.query_params)["houseId"]
        items = selectors.triage_queue(actor=request.user, house_id=house_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(items, request, view=self)
        assert page is not None
        selectors.record_queue_list_view(actor=request.user, items=page)
        return paginator.get_paginated_response(QueueItemSerializer(page, many=True).data)


class AssessmentView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The triage assessment of a case with the hits of its latest hit check (core staff)",
                   tags=["triage"], parameters=[CASE_ID], responses=TriageAssessmentReadSerializer)
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        _case, assessment = selectors.assessment_get(actor=request.user, case_id=case_id)
        if assessment is None:
            raise Http404
        # The stored hits through the same selector (access check and processing-log record) as GET .../hits.
        found = case_hits(actor=request.user, case_id=case_id)
        return with_etag(Response(TriageAssessmentReadSerializer(assessment, context={"hits": found}).data),
                         assessment.version)

    @extend_schema(summary="Record or revise the triage assessment; the first one moves the intake into triage",
                   tags=["triage"], parameters=[CASE_ID, IF_MATCH], request=TriageAssessmentSerializer,
                   responses=TriageAssessmentSerializer)
    def put(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=case_id)  # hidden answers 404 before validation
        serializer = TriageAssessmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assessment = services.assessment_save(actor=request.user, case_id=case_id, data=serializer.to_input(),
                                              expected_version=optional_version(request, serializer.validated_data),
                                              version_required=True)
        return with_etag(Response(TriageAssessmentSerializer(assessment).data), assessment.version)


class DecisionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The triage decision on a case (core staff)", tags=["triage"], parameters=[CASE_ID],
                   responses=TriageDecisionSerializer)
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        case, decision = selectors.decision_get(actor=request.user, case_id=case_id)
        if decision is None:
            raise Http404
        decision.case = case
        return Response(TriageDecisionSerializer(decision).data)

    @extend_schema(summary="Decide on an intake in triage: admit, advice only, route elsewhere or decline",
                   tags=["triage"], parameters=[CASE_ID, IF_MATCH], request=TriageDecisionSerializer,
                   responses={201: TriageDecisionSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=case_id)  # hidden answers 404 before validation
        serializer = TriageDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decision = services.decision_record(
            actor=request.user, case_id=case_id, data=serializer.to_input(),
            expected_version=optional_version(request, serializer.validated_data, field="case_version"))
        return Response(TriageDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class ParticipantsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Participants of a case (core staff; participants see the active ones)",
                   tags=["triage"], parameters=[CASE_ID], responses=ParticipantSerializer(many=True))
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        _case, _level, participants = selectors.participant_list(actor=request.user, case_id=case_id)
        return Response(ParticipantSerializer(participants, many=True).data)

    @extend_schema(summary="Add an organisation (covenant in force) or a named professional of it (core staff)",
                   tags=["triage"], parameters=[CASE_ID], request=ParticipantSerializer,
                   responses={201: ParticipantSerializer(many=True)})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=case_id)  # hidden answers 404 before validation
        serializer = ParticipantSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = services.participant_add(actor=request.user, case_id=case_id,
                               organisation_id=data["organisation_id"], user_id=data.get("user_id"),
                               reason=data["reason"])
        return Response(ParticipantSerializer(created, many=True).data, status=status.HTTP_201_CREATED)


class ParticipantEndView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="End a participation; the professional's access ends with it (core staff)",
                   tags=["triage"], parameters=[CASE_ID, OpenApiParameter(
                       "participantId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The participant.")],
                   request=ParticipantEndSerializer, responses=ParticipantSerializer(many=True))
    def post(self, request: AuthenticatedRequest, case_id: int, participant_id: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=case_id)  # hidden answers 404 before validation
        serializer = ParticipantEndSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ended = services.participant_end(actor=request.user, case_id=case_id,
                             participant_id=participant_id, reason=serializer.validated_data["reason"])
        return Response(ParticipantSerializer(ended, many=True).data)
