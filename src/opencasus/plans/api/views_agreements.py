"""API: agreements (mine and per case), one agreement, its notes."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.core.api.pagination import Pagination, paginated_schema
from opencasus.logbook.models import Action
from opencasus.plans import selectors, services
from opencasus.plans.api import serializers as s
from opencasus.plans.api._common import call, expected_version, organisation, user, with_etag
from opencasus.plans.services._common import log
from opencasus.plans.vocabulary import AgreementStatus

AGREEMENT_ID = OpenApiParameter("agreementId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The agreement")


def _bool(value: str | None, name: str) -> bool | None:
    if value in (None, ""):
        return None
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise exceptions.ValidationError({name: ["Gebruik true of false."]})


def _int(value: str | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    if not str(value).isdigit():
        raise exceptions.ValidationError({name: ["Geef een getal."]})
    return int(str(value))


class AgreementListView(APIView):
    @extend_schema(
        summary="Agreements: by default the caller's own (as owner professional or organisation)", tags=["plans"],
        parameters=[
            OpenApiParameter("mine", OpenApiTypes.BOOL, description="Only my agreements (default true)"),
            OpenApiParameter("caseId", OpenApiTypes.INT, description="Only this case"),
            OpenApiParameter("status", OpenApiTypes.STR, enum=AgreementStatus.values, description="Only this status"),
            OpenApiParameter("overdue", OpenApiTypes.BOOL, description="Only (not) overdue agreements"),
            OpenApiParameter("page", OpenApiTypes.INT, description="Page number"),
            OpenApiParameter("pageSize", OpenApiTypes.INT, description="Results per page (max 100)"),
        ],
        responses=paginated_schema(s.AgreementSerializer, "PaginatedAgreementList"), operation_id="agreements_list")
    def get(self, request: Request) -> Response:
        params = request.query_params
        status_value = params.get("status") or None
        if status_value and status_value not in AgreementStatus.values:
            raise exceptions.ValidationError({"status": ["Onbekende status."]})
        mine = _bool(params.get("mine"), "mine")
        qs = selectors.agreement_list(actor=request.user, mine=True if mine is None else mine,
                                      case_id=_int(params.get("caseId"), "caseId"), status=status_value,
                                      overdue=_bool(params.get("overdue"), "overdue"))
        paginator = Pagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        for case in {a.case_id: a.case for a in page}.values():
            log(actor=request.user, case=case, action=Action.VIEW, object_type="agreement-list", object_id=case.pk)
        return paginator.get_paginated_response(s.AgreementSerializer(page, many=True).data)

    @extend_schema(summary="Record an agreement in a case's plan (core staff)", tags=["plans"],
                   request=s.AgreementCreateSerializer, responses={201: s.AgreementSerializer})
    def post(self, request: Request) -> Response:
        ser = s.AgreementCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        selectors.core_case(actor=request.user, case_id=data["case_id"])
        agreement = call(lambda: services.agreement_create(
            actor=request.user, case_id=data["case_id"], description=data["description"],
            owner_organisation=organisation(data["owner_organisation_id"], "ownerOrganisationId"),
            owner_user=user(data.get("owner_user_id"), "ownerUserId"), deadline=data["deadline"],
            source=data.get("source", "")))
        return with_etag(Response(s.AgreementSerializer(agreement).data, status=status.HTTP_201_CREATED),
                         agreement.version)


class AgreementDetailView(APIView):
    @extend_schema(summary="One agreement", tags=["plans"], parameters=[AGREEMENT_ID],
                   responses=s.AgreementSerializer)
    def get(self, request: Request, agreementId: int) -> Response:
        agreement, case, _level = selectors.agreement_get(actor=request.user, agreement_id=agreementId)
        log(actor=request.user, case=case, action=Action.VIEW, object_type="agreement", object_id=agreement.pk)
        return with_etag(Response(s.AgreementSerializer(agreement).data), agreement.version)

    @extend_schema(summary="Change an agreement: the owner its status and progress, core staff everything",
                   tags=["plans"], parameters=[AGREEMENT_ID, OpenApiParameter(
                       "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                       description="The version you read (alternative to `version` in the body)")],
                   request=s.AgreementPatchSerializer, responses=s.AgreementSerializer)
    def patch(self, request: Request, agreementId: int) -> Response:
        selectors.agreement_get(actor=request.user, agreement_id=agreementId)
        ser = s.AgreementPatchSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        changes: dict[str, Any] = {}
        for name in ("description", "deadline", "status", "reason", "progress_note"):
            if name in data:
                changes[name] = data[name]
        if "owner_organisation_id" in data:
            changes["owner_organisation"] = organisation(data["owner_organisation_id"], "ownerOrganisationId")
        if "owner_user_id" in data:
            changes["owner_user"] = user(data["owner_user_id"], "ownerUserId")
        agreement = call(lambda: services.agreement_update(
            actor=request.user, agreement_id=agreementId, expected_version=expected_version(request, data),
            **changes))
        return with_etag(Response(s.AgreementSerializer(agreement).data), agreement.version)


class AgreementNotesView(APIView):
    @extend_schema(summary="Progress notes and comments on an agreement", tags=["plans"], parameters=[AGREEMENT_ID],
                   responses=s.NoteSerializer(many=True))
    def get(self, request: Request, agreementId: int) -> Response:
        agreement, case, _level = selectors.agreement_get(actor=request.user, agreement_id=agreementId)
        log(actor=request.user, case=case, action=Action.VIEW, object_type="agreement-notes", object_id=agreement.pk)
        notes = agreement.notes.select_related("author", "organisation")
        return Response(s.NoteSerializer(notes, many=True).data)

    @extend_schema(summary="Add a note: a progress note by the owner, a comment by other participants",
                   tags=["plans"], parameters=[AGREEMENT_ID], request=s.NoteSerializer,
                   responses={201: s.NoteSerializer})
    def post(self, request: Request, agreementId: int) -> Response:
        selectors.agreement_get(actor=request.user, agreement_id=agreementId)
        ser = s.NoteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        note = call(lambda: services.agreement_note_add(actor=request.user, agreement_id=agreementId,
                                                        text=ser.validated_data["text"]))
        return Response(s.NoteSerializer(note).data, status=status.HTTP_201_CREATED)
