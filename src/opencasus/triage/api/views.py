"""The triage API: queue, assessment, decision and participants. Writes are for core staff only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.cases.selectors import case_hits
from opencasus.triage import selectors, services
from opencasus.triage.api.serializers import (
    ParticipantEndSerializer,
    ParticipantSerializer,
    QueueItemSerializer,
    TriageAssessmentReadSerializer,
    TriageAssessmentSerializer,
    TriageDecisionSerializer,
)

T = TypeVar("T")
CONFLICT_CODES = {"conflict", "invalid_transition"}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


def call_service(fn: Callable[..., T], **kwargs: Any) -> T:
    """Run a service; a conflict or an invalid transition answers 409, other validation errors 400."""
    try:
        return fn(**kwargs)
    except DjangoValidationError as exc:
        if not hasattr(exc, "error_dict") and exc.code in CONFLICT_CODES:
            raise Conflict(detail=" ".join(exc.messages), code=exc.code) from exc
        if hasattr(exc, "error_dict"):
            detail = {camelize_re.sub(underscore_to_camel, name): messages
                      for name, messages in exc.message_dict.items()}
            raise exceptions.ValidationError(detail) from exc
        raise exceptions.ValidationError(exc.messages) from exc


CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case.")


class TriageQueueView(APIView):
    @extend_schema(
        summary="Intakes waiting for triage in the caller's houses (core staff)", tags=["triage"],
        parameters=[OpenApiParameter("houseId", OpenApiTypes.INT, description="Only this house (404 when the "
                                     "caller is not core staff of it)")],
        responses=QueueItemSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        raw = request.query_params.get("houseId")
        if raw is not None and not raw.isdigit():
            raise exceptions.ValidationError({"houseId": ["Geef een geheel getal."]})
        items = selectors.triage_queue(actor=request.user, house_id=int(raw) if raw else None)
        return Response(QueueItemSerializer(items, many=True).data)


class AssessmentView(APIView):
    @extend_schema(summary="The triage assessment of a case with the hits of its latest hit check (core staff)",
                   tags=["triage"], parameters=[CASE_ID], responses=TriageAssessmentReadSerializer)
    def get(self, request: Request, caseId: int) -> Response:
        _case, assessment = selectors.assessment_get(actor=request.user, case_id=caseId)
        if assessment is None:
            raise Http404
        # The stored hits through the same selector (access check and processing-log record) as GET .../hits.
        found = case_hits(actor=request.user, case_id=caseId)
        return Response(TriageAssessmentReadSerializer(assessment, context={"hits": found}).data)

    @extend_schema(summary="Record or revise the triage assessment; the first one moves the intake into triage",
                   tags=["triage"], parameters=[CASE_ID], request=TriageAssessmentSerializer,
                   responses=TriageAssessmentSerializer)
    def put(self, request: Request, caseId: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=caseId)  # hidden answers 404 before validation
        serializer = TriageAssessmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assessment = call_service(services.assessment_save, actor=request.user, case_id=caseId,
                                  data=serializer.to_input(), expected_version=serializer.validated_data.get("version"))
        return Response(TriageAssessmentSerializer(assessment).data)


class DecisionView(APIView):
    @extend_schema(summary="The triage decision on a case (core staff)", tags=["triage"], parameters=[CASE_ID],
                   responses=TriageDecisionSerializer)
    def get(self, request: Request, caseId: int) -> Response:
        case, decision = selectors.decision_get(actor=request.user, case_id=caseId)
        if decision is None:
            raise Http404
        decision.case = case
        return Response(TriageDecisionSerializer(decision).data)

    @extend_schema(summary="Decide on an intake in triage: admit, advice only, route elsewhere or decline",
                   tags=["triage"], parameters=[CASE_ID], request=TriageDecisionSerializer,
                   responses={201: TriageDecisionSerializer})
    def post(self, request: Request, caseId: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=caseId)  # hidden answers 404 before validation
        serializer = TriageDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decision = call_service(services.decision_record, actor=request.user, case_id=caseId,
                                data=serializer.to_input(),
                                expected_version=serializer.validated_data.get("case_version"))
        return Response(TriageDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class ParticipantsView(APIView):
    @extend_schema(summary="Participants of a case (core staff; participants see the active ones)",
                   tags=["triage"], parameters=[CASE_ID], responses=ParticipantSerializer(many=True))
    def get(self, request: Request, caseId: int) -> Response:
        _case, _level, participants = selectors.participant_list(actor=request.user, case_id=caseId)
        return Response(ParticipantSerializer(participants, many=True).data)

    @extend_schema(summary="Add an organisation (covenant in force) or a named professional of it (core staff)",
                   tags=["triage"], parameters=[CASE_ID], request=ParticipantSerializer,
                   responses={201: ParticipantSerializer(many=True)})
    def post(self, request: Request, caseId: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=caseId)  # hidden answers 404 before validation
        serializer = ParticipantSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = call_service(services.participant_add, actor=request.user, case_id=caseId,
                               organisation_id=data["organisation_id"], user_id=data.get("user_id"),
                               reason=data["reason"])
        return Response(ParticipantSerializer(created, many=True).data, status=status.HTTP_201_CREATED)


class ParticipantEndView(APIView):
    @extend_schema(summary="End a participation; the professional's access ends with it (core staff)",
                   tags=["triage"], parameters=[CASE_ID, OpenApiParameter(
                       "participantId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The participant.")],
                   request=ParticipantEndSerializer, responses=ParticipantSerializer(many=True))
    def post(self, request: Request, caseId: int, participantId: int) -> Response:
        selectors.triage_case(actor=request.user, case_id=caseId)  # hidden answers 404 before validation
        serializer = ParticipantEndSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ended = call_service(services.participant_end, actor=request.user, case_id=caseId,
                             participant_id=participantId, reason=serializer.validated_data["reason"])
        return Response(ParticipantSerializer(ended, many=True).data)
