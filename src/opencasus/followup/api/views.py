"""API of the follow-through: check-backs, monitoring periods, closure feedback and anonymous consultations.
Every read goes through `followup.selectors` (access policy and processing log); hidden answers 404."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.followup import selectors, services
from opencasus.followup.api import serializers as s
from opencasus.followup.filters import CheckBackFilter, ConsultationFilter, MonitoringFilter
from opencasus.followup.models import CheckBack, ClosureFeedback, Consultation, MonitoringPeriod
from opencasus.followup.services._common import MONITORING, TRIAGE
from opencasus.logbook.models import ActivityCode

if TYPE_CHECKING:
    pass

TAGS = ["followup"]


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


CHECK_BACK_ID = _id("checkBackId", "The check-back")
PERIOD_ID = _id("monitoringPeriodId", "The monitoring period")
FEEDBACK_ID = _id("closureFeedbackId", "The closure feedback")
CONSULTATION_ID = _id("consultationId", "The consultation")




def _page(view: APIView, request: AuthenticatedRequest, qs: Any, serializer: Any, *, activity: ActivityCode,
          object_type: str) -> Response:
    paginator = Pagination()
    page: list[Any] = paginator.paginate_queryset(qs, request, view=view) or []
    selectors.record_list_view(actor=request.user, house_ids={item.house_id for item in page}, activity=activity,
                               object_type=object_type)
    return paginator.get_paginated_response(serializer(page, many=True).data)


class CheckBackListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = CheckBackFilter
    pagination_class = Pagination
    queryset = CheckBack.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Check-backs of routed and advised intakes (core staff of the house)", tags=TAGS,
                   responses=s.CheckBackSerializer(many=True), operation_id="check_backs_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(CheckBackFilter, request.query_params)
        qs = selectors.check_back_list(actor=request.user, status=values["status"] or None,
                                       due=bool(values["due"]), house_id=values["houseId"])
        return _page(self, request, qs, s.CheckBackSerializer, activity=TRIAGE, object_type="check-back-list")


class CheckBackDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One check-back", tags=TAGS, parameters=[CHECK_BACK_ID],
                   responses=s.CheckBackSerializer)
    def get(self, request: AuthenticatedRequest, check_back_id: int) -> Response:
        check_back = selectors.check_back_get(actor=request.user, check_back_id=check_back_id)
        return with_etag(Response(s.CheckBackSerializer(check_back).data), check_back.version)

    @extend_schema(summary="Change the check-back date", tags=TAGS, parameters=[CHECK_BACK_ID, IF_MATCH],
                   request=s.CheckBackUpdateSerializer, responses=s.CheckBackSerializer)
    def patch(self, request: AuthenticatedRequest, check_back_id: int) -> Response:
        selectors.require_visible(selectors.check_back_list(actor=request.user), check_back_id)
        ser = s.CheckBackUpdateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        check_back = services.check_back_reschedule(
            actor=request.user, check_back_id=check_back_id, due_date=ser.validated_data["due_date"],
            expected_version=required_version(request, ser.validated_data))
        return with_etag(Response(s.CheckBackSerializer(check_back).data), check_back.version)


class CheckBackResolutionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Record the check-back: picked up, or the question reopened (with a note)", tags=TAGS,
                   parameters=[CHECK_BACK_ID, IF_MATCH], request=s.CheckBackResolutionSerializer,
                   responses=s.CheckBackSerializer)
    def post(self, request: AuthenticatedRequest, check_back_id: int) -> Response:
        selectors.require_visible(selectors.check_back_list(actor=request.user), check_back_id)
        ser = s.CheckBackResolutionSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        check_back = services.check_back_resolve(
            actor=request.user, check_back_id=check_back_id, status=data["status"], note=data.get("note", ""),
            expected_version=optional_version(request, data))
        return with_etag(Response(s.CheckBackSerializer(check_back).data), check_back.version)


class MonitoringListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = MonitoringFilter
    pagination_class = Pagination
    queryset = MonitoringPeriod.objects.none()

    @extend_schema(summary="Monitoring periods of cases handed down to the local approach (core staff)", tags=TAGS,
                   responses=s.MonitoringPeriodSerializer(many=True), operation_id="monitoring_periods_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(MonitoringFilter, request.query_params)
        qs = selectors.monitoring_list(actor=request.user, status=values["status"] or None,
                                       due=bool(values["due"]), house_id=values["houseId"])
        return _page(self, request, qs, s.MonitoringPeriodSerializer, activity=MONITORING,
                     object_type="monitoring-list")

    @extend_schema(summary="Hand a closed case down to the local approach under monitoring (core staff)",
                   tags=TAGS, request=s.MonitoringStartSerializer, responses={201: s.MonitoringPeriodSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.MonitoringStartSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        period = services.monitoring_start(actor=request.user, case_id=data["case_id"],
                                           local_approach=data["local_approach"],
                                           last_check_date=data["last_check_date"], note=data.get("note", ""))
        return with_etag(Response(s.MonitoringPeriodSerializer(period).data, status=status.HTTP_201_CREATED),
                         period.version)


class MonitoringDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One monitoring period", tags=TAGS, parameters=[PERIOD_ID],
                   responses=s.MonitoringPeriodSerializer)
    def get(self, request: AuthenticatedRequest, monitoring_period_id: int) -> Response:
        period = selectors.monitoring_get(actor=request.user, period_id=monitoring_period_id)
        return with_etag(Response(s.MonitoringPeriodSerializer(period).data), period.version)

    @extend_schema(summary="Change the date of the last check", tags=TAGS, parameters=[PERIOD_ID, IF_MATCH],
                   request=s.MonitoringUpdateSerializer, responses=s.MonitoringPeriodSerializer)
    def patch(self, request: AuthenticatedRequest, monitoring_period_id: int) -> Response:
        selectors.require_visible(selectors.monitoring_list(actor=request.user), monitoring_period_id)
        ser = s.MonitoringUpdateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        period = services.monitoring_reschedule(
            actor=request.user, period_id=monitoring_period_id,
            last_check_date=ser.validated_data["last_check_date"],
            expected_version=required_version(request, ser.validated_data))
        return with_etag(Response(s.MonitoringPeriodSerializer(period).data), period.version)


class LastCheckView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Record the last check of a monitoring period", tags=TAGS,
                   parameters=[PERIOD_ID, IF_MATCH], request=s.LastCheckSerializer,
                   responses=s.MonitoringPeriodSerializer)
    def post(self, request: AuthenticatedRequest, monitoring_period_id: int) -> Response:
        selectors.require_visible(selectors.monitoring_list(actor=request.user), monitoring_period_id)
        ser = s.LastCheckSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        period = services.monitoring_last_check(actor=request.user, period_id=monitoring_period_id,
                                                result=data["result"], note=data["note"],
                                                expected_version=optional_version(request, data))
        return with_etag(Response(s.MonitoringPeriodSerializer(period).data), period.version)


class ClosureFeedbackListView(APIView):
    pagination_class = Pagination
    queryset = ClosureFeedback.objects.none()

    @extend_schema(summary="Feedback on closed cases: the filer's own, the municipality officer's municipality, "
                           "core staff their houses' (outcome and hand-over, no content)", tags=TAGS,
                   responses=s.ClosureFeedbackSerializer(many=True), operation_id="closure_feedback_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        qs = selectors.closure_feedback_list(actor=request.user)
        return _page(self, request, qs, s.ClosureFeedbackSerializer, activity=MONITORING,
                     object_type="closure-feedback-list")


class ClosureFeedbackDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One closure feedback", tags=TAGS, parameters=[FEEDBACK_ID],
                   responses=s.ClosureFeedbackSerializer)
    def get(self, request: AuthenticatedRequest, closure_feedback_id: int) -> Response:
        feedback = selectors.closure_feedback_get(actor=request.user, feedback_id=closure_feedback_id)
        return Response(s.ClosureFeedbackSerializer(feedback).data)


class ConsultationListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ConsultationFilter
    pagination_class = Pagination
    queryset = Consultation.objects.none()

    @extend_schema(summary="Anonymous consultations: the caller's own, and for core staff their houses'",
                   tags=TAGS, responses=s.ConsultationSerializer(many=True), operation_id="consultations_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ConsultationFilter, request.query_params)
        qs = selectors.consultation_list(actor=request.user, status=values["status"] or None,
                                         house_id=values["houseId"])
        return _page(self, request, qs, s.ConsultationSerializer, activity=TRIAGE, object_type="consultation-list")

    @extend_schema(summary="Ask the house for advice without naming anyone", tags=TAGS,
                   request=s.ConsultationCreateSerializer, responses={201: s.ConsultationSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.ConsultationCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        consultation = services.consultation_ask(
            actor=request.user, house_id=data["house_id"], organisation_id=data["organisation_id"],
            question=data["question"], municipality_id=data.get("municipality_id"))
        return with_etag(Response(s.ConsultationSerializer(consultation).data, status=status.HTTP_201_CREATED),
                         consultation.version)


class ConsultationDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One anonymous consultation", tags=TAGS, parameters=[CONSULTATION_ID],
                   responses=s.ConsultationSerializer)
    def get(self, request: AuthenticatedRequest, consultation_id: int) -> Response:
        consultation = selectors.consultation_get(actor=request.user, consultation_id=consultation_id)
        return with_etag(Response(s.ConsultationSerializer(consultation).data), consultation.version)


class AdviceView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Give the advice (core staff of the house)", tags=TAGS,
                   parameters=[CONSULTATION_ID, IF_MATCH], request=s.AdviceSerializer,
                   responses=s.ConsultationSerializer)
    def post(self, request: AuthenticatedRequest, consultation_id: int) -> Response:
        selectors.require_advisable(actor=request.user, consultation_id=consultation_id)
        ser = s.AdviceSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        consultation = services.consultation_advise(actor=request.user, consultation_id=consultation_id,
                                                    advice=data["advice"],
                                                    expected_version=optional_version(request, data))
        return with_etag(Response(s.ConsultationSerializer(consultation).data), consultation.version)

