"""API: mandates of a meeting's invitees, and confirmations of decisions or agreements beyond a mandate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH
from opencasus.meetings import mandates
from opencasus.meetings.filters import ConfirmationFilter
from opencasus.meetings.models import Confirmation, ConfirmationStatus, Mandate, MandateScope

if TYPE_CHECKING:
    pass

MEETING_ID = OpenApiParameter("meetingId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The meeting")
MANDATE_ID = OpenApiParameter("mandateId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The mandate")
CONFIRMATION_ID = OpenApiParameter("confirmationId", OpenApiTypes.INT, OpenApiParameter.PATH,
                                   description="The confirmation")
TAGS = ["meetings"]



class MandateSerializer(ModelSerializer[Mandate]):
    user_name = serializers.CharField(source="user.__str__", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    scope = serializers.ChoiceField(choices=MandateScope.choices, read_only=True)

    class Meta:
        model = Mandate
        fields = ["id", "meeting_id", "user_id", "user_name", "organisation_id", "organisation_name", "scope",
                  "limit", "recorded_at", "version"]
        read_only_fields = fields


class MandateCreateSerializer(Serializer[Any]):
    user_id = serializers.IntegerField(min_value=1)
    organisation_id = serializers.IntegerField(min_value=1)
    scope = serializers.ChoiceField(choices=MandateScope.choices)
    limit = serializers.CharField(required=False, allow_blank=True, max_length=SHORT_TEXT_MAX_LENGTH)


class MandateWriteSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False, help_text="The version you read (or send If-Match).")
    scope = serializers.ChoiceField(choices=MandateScope.choices)
    limit = serializers.CharField(required=False, allow_blank=True, max_length=SHORT_TEXT_MAX_LENGTH)


class ConfirmationSerializer(ModelSerializer[Confirmation]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    status = serializers.ChoiceField(choices=ConfirmationStatus.choices, read_only=True)

    class Meta:
        model = Confirmation
        fields = ["id", "case_id", "case_reference", "organisation_id", "organisation_name", "decision_id",
                  "agreement_id", "meeting_id", "subject", "reason", "deadline", "status", "requested_at",
                  "answered_at", "answer_note", "version"]
        read_only_fields = fields


class ConfirmationCreateSerializer(Serializer[Any]):
    decision_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    agreement_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    deadline = serializers.DateField()
    reason = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH)


class ConfirmationAnswerSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False)
    confirmed = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=LONG_TEXT_MAX_LENGTH)


class MandateListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The mandates recorded for a meeting's invitees", tags=TAGS, parameters=[MEETING_ID],
                   responses=MandateSerializer(many=True))
    def get(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        _meeting, qs = mandates.mandate_list(actor=request.user, meeting_id=meeting_id)
        return Response(MandateSerializer(qs, many=True).data)

    @extend_schema(summary="Record an invitee's mandate for their organisation (core staff)", tags=TAGS,
                   parameters=[MEETING_ID], request=MandateCreateSerializer, responses={201: MandateSerializer})
    def post(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        ser = MandateCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        mandate = mandates.mandate_record(actor=request.user, meeting_id=meeting_id, user_id=data["user_id"],
                                          organisation_id=data["organisation_id"], scope=data["scope"],
                                          limit=data.get("limit", ""))
        return with_etag(Response(MandateSerializer(mandate).data, status=status.HTTP_201_CREATED), mandate.version)


class MandateDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Change a mandate (core staff)", tags=TAGS, parameters=[MANDATE_ID, IF_MATCH],
                   request=MandateWriteSerializer, responses=MandateSerializer)
    def put(self, request: AuthenticatedRequest, mandate_id: int) -> Response:
        ser = MandateWriteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        mandate = mandates.mandate_update(actor=request.user, mandate_id=mandate_id,
                                          expected_version=required_version(request, data), scope=data["scope"],
                                          limit=data.get("limit", ""))
        return with_etag(Response(MandateSerializer(mandate).data), mandate.version)


class ConfirmationListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ConfirmationFilter
    queryset = Confirmation.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Confirmations beyond a mandate the caller may see", tags=TAGS,
                   responses=ConfirmationSerializer(many=True), operation_id="confirmations_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ConfirmationFilter, request.query_params)
        found = list(mandates.confirmation_list(actor=request.user, status=values["status"] or None,
                                                overdue=values["overdue"], mine=bool(values["mine"])))
        mandates.log_list(actor=request.user, confirmations=found)
        return Response(ConfirmationSerializer(found, many=True).data)

    @extend_schema(summary="Mark a decision or agreement as needing the organisation's confirmation (core staff)",
                   tags=TAGS, request=ConfirmationCreateSerializer, responses={201: ConfirmationSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = ConfirmationCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        found = mandates.confirmation_request(actor=request.user, decision_id=data.get("decision_id"),
                                              agreement_id=data.get("agreement_id"), deadline=data["deadline"],
                                              reason=data.get("reason", ""))
        return Response(ConfirmationSerializer(found).data, status=status.HTTP_201_CREATED)


class ConfirmationDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One confirmation", tags=TAGS, parameters=[CONFIRMATION_ID],
                   responses=ConfirmationSerializer)
    def get(self, request: AuthenticatedRequest, confirmation_id: int) -> Response:
        found, _access = mandates.confirmation_get(actor=request.user, confirmation_id=confirmation_id)
        return with_etag(Response(ConfirmationSerializer(found).data), found.version)


class ConfirmationAnswerView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Confirm or refuse (a professional of the organisation asked)", tags=TAGS,
                   parameters=[CONFIRMATION_ID, IF_MATCH], request=ConfirmationAnswerSerializer,
                   responses=ConfirmationSerializer)
    def post(self, request: AuthenticatedRequest, confirmation_id: int) -> Response:
        ser = ConfirmationAnswerSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        found = mandates.confirmation_answer(actor=request.user, confirmation_id=confirmation_id,
                                             expected_version=optional_version(request, data),
                                             confirmed=data["confirmed"], note=data.get("note", ""))
        return with_etag(Response(ConfirmationSerializer(found).data), found.version)
