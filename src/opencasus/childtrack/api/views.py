"""API of the Kindspoor: the child checks of a case. Reads go through `childtrack.selectors` (case policy and
processing log); a hidden case, or one of a house without the Kindspoor, answers 404."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.access.childtrack import RECORD_LEVEL
from opencasus.access.policy import CaseAccess
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.childtrack import selectors, services
from opencasus.childtrack.api import serializers as s
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag

TAGS = ["childtrack"]
CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case")
CHECK_ID = OpenApiParameter("childCheckId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The child check")


class ChildTrackView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The Kindspoor of a case: domestic violence or not, its minors and what is missing",
                   tags=TAGS, parameters=[CASE_ID], responses=s.ChildTrackSerializer,
                   operation_id="case_child_track_retrieve")
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        view = selectors.case_child_track(actor=request.user, case_id=case_id)
        data: dict[str, Any] = {
            "case_id": view.case.pk, "domestic_violence": view.domestic_violence, "applies": view.applies,
            "missing": view.missing,
            "children": [{"person_id": row.person.pk, "name": row.name, "date_of_birth": row.person.date_of_birth,
                          "child_check_id": row.check.pk if row.check else None, "complete": row.complete}
                         for row in view.rows]}
        return Response(s.ChildTrackSerializer(data).data)


class DomesticViolenceFlagView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Mark a case as domestic violence, or take the mark away (core staff)", tags=TAGS,
                   parameters=[CASE_ID], request=s.DomesticViolenceFlagSerializer, responses=s.ChildTrackSerializer,
                   operation_id="case_domestic_violence_flag_update")
    def put(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.case_for_checks(actor=request.user, case_id=case_id, minimum=CaseAccess.CORE)
        ser = s.DomesticViolenceFlagSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.domestic_violence_flag_set(actor=request.user, case_id=case_id,
                                            flagged=ser.validated_data["flagged"], note=ser.validated_data["note"])
        return ChildTrackView().get(request, case_id)


class CaseChildCheckListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The child checks of a case", tags=TAGS, parameters=[CASE_ID],
                   responses=s.ChildCheckSerializer(many=True), operation_id="case_child_checks_list")
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        checks = selectors.child_check_list(actor=request.user, case_id=case_id)
        return Response(s.ChildCheckSerializer(checks, many=True).data)

    @extend_schema(summary="Record the child check of a minor of the case (core staff and participants)",
                   tags=TAGS, parameters=[CASE_ID], request=s.ChildCheckCreateSerializer,
                   responses={201: s.ChildCheckSerializer}, operation_id="case_child_checks_create")
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.case_for_checks(actor=request.user, case_id=case_id, minimum=RECORD_LEVEL)
        ser = s.ChildCheckCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        version = optional_version(request, ser.validated_data)
        check = services.child_check_record(actor=request.user, case_id=case_id,
                                            person_id=ser.validated_data["person_id"], data=ser.to_input(),
                                            expected_version=0 if version is None else version)
        return with_etag(Response(s.ChildCheckSerializer(check).data, status=status.HTTP_201_CREATED),
                         check.version)


class ChildCheckDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One child check", tags=TAGS, parameters=[CHECK_ID], responses=s.ChildCheckSerializer)
    def get(self, request: AuthenticatedRequest, child_check_id: int) -> Response:
        check = selectors.child_check_get(actor=request.user, check_id=child_check_id)
        return with_etag(Response(s.ChildCheckSerializer(check).data), check.version)

    @extend_schema(summary="Change a child check (send the version you read)", tags=TAGS,
                   parameters=[CHECK_ID, IF_MATCH], request=s.ChildCheckWriteSerializer,
                   responses=s.ChildCheckSerializer)
    def put(self, request: AuthenticatedRequest, child_check_id: int) -> Response:
        case_id, person_id = selectors.child_check_locate(actor=request.user, check_id=child_check_id)
        ser = s.ChildCheckWriteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        check = services.child_check_record(actor=request.user, case_id=case_id, person_id=person_id,
                                            data=ser.to_input(),
                                            expected_version=required_version(request, ser.validated_data))
        return with_etag(Response(s.ChildCheckSerializer(check).data), check.version)
