"""API: agreements (mine and per case), one agreement, its notes."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.core.unset import UNSET
from opencasus.plans import selectors, services
from opencasus.plans.api import serializers as s
from opencasus.plans.api._common import organisation, user
from opencasus.plans.filters import AgreementListFilter
from opencasus.plans.models import Agreement

AGREEMENT_ID = OpenApiParameter("agreementId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The agreement")


class AgreementListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = AgreementListFilter
    pagination_class = Pagination
    queryset = Agreement.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(
        summary="Agreements: by default the caller's own (as owner professional or organisation)", tags=["plans"],
        responses=s.AgreementSerializer(many=True), operation_id="agreements_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(AgreementListFilter, request.query_params)
        qs = selectors.agreement_list(actor=request.user, mine=values["mine"] is not False,
                                      case_id=values["caseId"], status=values["status"] or None,
                                      overdue=values["overdue"])
        paginator = Pagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        selectors.record_agreement_list_view(actor=request.user, agreements=page)
        return paginator.get_paginated_response(s.AgreementSerializer(page, many=True).data)

    @extend_schema(summary="Record an agreement in a case's plan (core staff)", tags=["plans"],
                   request=s.AgreementCreateSerializer, responses={201: s.AgreementSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.AgreementCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        selectors.core_case(actor=request.user, case_id=data["case_id"])
        agreement = services.agreement_create(
            actor=request.user, case_id=data["case_id"], description=data["description"],
            owner_organisation=organisation(data["owner_organisation_id"], "ownerOrganisationId"),
            owner_user=user(data.get("owner_user_id"), "ownerUserId"), deadline=data["deadline"],
            source=data.get("source", ""), exceeds_mandate=data.get("exceeds_mandate", False))
        return with_etag(Response(s.AgreementSerializer(agreement).data, status=status.HTTP_201_CREATED),
                         agreement.version)


class AgreementDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One agreement", tags=["plans"], parameters=[AGREEMENT_ID],
                   responses=s.AgreementSerializer)
    def get(self, request: AuthenticatedRequest, agreement_id: int) -> Response:
        agreement, _case, _level = selectors.agreement_get(actor=request.user, agreement_id=agreement_id)
        return with_etag(Response(s.AgreementSerializer(agreement).data), agreement.version)

    @extend_schema(summary="Change an agreement: the owner its status and progress, core staff everything",
                   tags=["plans"], parameters=[AGREEMENT_ID, IF_MATCH],
                   request=s.AgreementPatchSerializer, responses=s.AgreementSerializer)
    def patch(self, request: AuthenticatedRequest, agreement_id: int) -> Response:
        selectors.agreement_check(actor=request.user, agreement_id=agreement_id)
        ser = s.AgreementPatchSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        agreement = services.agreement_update(
            actor=request.user, agreement_id=agreement_id, expected_version=required_version(request, data),
            description=data.get("description", UNSET), deadline=data.get("deadline", UNSET),
            owner_organisation=(organisation(data["owner_organisation_id"], "ownerOrganisationId")
                                if "owner_organisation_id" in data else UNSET),
            owner_user=user(data["owner_user_id"], "ownerUserId") if "owner_user_id" in data else UNSET,
            status=data.get("status"), reason=data.get("reason", ""), progress_note=data.get("progress_note", ""))
        return with_etag(Response(s.AgreementSerializer(agreement).data), agreement.version)


class AgreementNotesView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Progress notes and comments on an agreement", tags=["plans"], parameters=[AGREEMENT_ID],
                   responses=s.NoteSerializer(many=True))
    def get(self, request: AuthenticatedRequest, agreement_id: int) -> Response:
        _agreement, notes = selectors.agreement_notes(actor=request.user, agreement_id=agreement_id)
        return Response(s.NoteSerializer(notes, many=True).data)

    @extend_schema(summary="Add a note: a progress note by the owner, a comment by other participants",
                   tags=["plans"], parameters=[AGREEMENT_ID], request=s.NoteSerializer,
                   responses={201: s.NoteSerializer})
    def post(self, request: AuthenticatedRequest, agreement_id: int) -> Response:
        selectors.agreement_check(actor=request.user, agreement_id=agreement_id)
        ser = s.NoteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        note = services.agreement_note_add(actor=request.user, agreement_id=agreement_id,
                                           text=ser.validated_data["text"])
        return Response(s.NoteSerializer(note).data, status=status.HTTP_201_CREATED)
