"""API of the group approach: the members of an area or group case, the links to their individual cases and the
goals per member. Every read goes through `groups.selectors` (access policy and processing log), every write
through `groups.services`; a hidden case, a case that is no group case, or a house without the group approach
answers 404."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.access import groups as access
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.unset import UNSET
from opencasus.groups import selectors, services
from opencasus.groups.api import serializers as s
from opencasus.plans.api.serializers import GoalSerializer

TAGS = ["groups"]


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


CASE_ID = _id("caseId", "The area or group case")
MEMBER_ID = _id("memberId", "The group member")


def _member(request: AuthenticatedRequest, case_id: int, member_id: int, code: int = 200) -> Response:
    _case, _level, view = selectors.member_get(actor=request.user, case_id=case_id, member_id=member_id)
    return with_etag(Response(s.MemberSerializer(view).data, status=code), view.member.version)


class MemberListView(SnakeCaseKwargsAPIView):
    pagination_class = Pagination

    @extend_schema(summary="The members of a group case: role, tier, dates and the linked individual case as "
                           "the caller may see it (participants and core staff)", tags=TAGS, parameters=[CASE_ID],
                   responses=s.MemberSerializer(many=True), operation_id="group_members_list")
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        case, members = selectors.member_list(actor=request.user, case_id=case_id)
        paginator = Pagination()
        page: list[Any] = paginator.paginate_queryset(members, request, view=self) or []
        selectors.record_member_list_view(actor=request.user, case=case, members=page)
        many: Any = s.MemberSerializer
        return paginator.get_paginated_response(many(page, many=True).data)

    @extend_schema(summary="Add a member: a person of the group case, or a new one by name (core staff)",
                   tags=TAGS, parameters=[CASE_ID], request=s.MemberCreateSerializer,
                   responses={201: s.MemberSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.group_check(actor=request.user, case_id=case_id, minimum=access.MANAGE_MEMBERS)
        ser = s.MemberCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        member = services.member_add(
            actor=request.user, case_id=case_id, role=data["role"], tier=data["tier"], start_date=data["start_date"],
            person_id=data.get("person_id"), first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""), date_of_birth=data.get("date_of_birth"),
            end_date=data.get("end_date"))
        return _member(request, case_id, member.pk, status.HTTP_201_CREATED)


class MemberDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One member of a group case", tags=TAGS, parameters=[CASE_ID, MEMBER_ID],
                   responses=s.MemberSerializer)
    def get(self, request: AuthenticatedRequest, case_id: int, member_id: int) -> Response:
        return _member(request, case_id, member_id)

    @extend_schema(summary="Change a member's role, tier or dates (core staff)", tags=TAGS,
                   parameters=[CASE_ID, MEMBER_ID, IF_MATCH], request=s.MemberUpdateSerializer,
                   responses=s.MemberSerializer)
    def patch(self, request: AuthenticatedRequest, case_id: int, member_id: int) -> Response:
        selectors.member_check(actor=request.user, case_id=case_id, member_id=member_id,
                               minimum=access.MANAGE_MEMBERS)
        ser = s.MemberUpdateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        services.member_update(
            actor=request.user, case_id=case_id, member_id=member_id,
            expected_version=required_version(request, data), role=data.get("role", UNSET),
            tier=data.get("tier", UNSET), start_date=data.get("start_date", UNSET),
            end_date=data.get("end_date", UNSET))
        return _member(request, case_id, member_id)


class MemberEndView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Record that the member left the group (core staff)", tags=TAGS,
                   parameters=[CASE_ID, MEMBER_ID, IF_MATCH], request=s.MemberEndSerializer,
                   responses=s.MemberSerializer)
    def post(self, request: AuthenticatedRequest, case_id: int, member_id: int) -> Response:
        selectors.member_check(actor=request.user, case_id=case_id, member_id=member_id,
                               minimum=access.MANAGE_MEMBERS)
        ser = s.MemberEndSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.member_end(actor=request.user, case_id=case_id, member_id=member_id,
                            end_date=ser.validated_data["end_date"],
                            expected_version=optional_version(request, ser.validated_data))
        return _member(request, case_id, member_id)


class CaseLinkView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Link the member's individual case (core staff who see both cases)", tags=TAGS,
                   parameters=[CASE_ID, MEMBER_ID, IF_MATCH], request=s.LinkCreateSerializer,
                   responses={201: s.MemberSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int, member_id: int) -> Response:
        selectors.member_check(actor=request.user, case_id=case_id, member_id=member_id,
                               minimum=access.MANAGE_MEMBERS)
        ser = s.LinkCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.member_link(actor=request.user, case_id=case_id, member_id=member_id,
                             individual_case_id=ser.validated_data["individual_case_id"],
                             expected_version=optional_version(request, ser.validated_data))
        return _member(request, case_id, member_id, status.HTTP_201_CREATED)

    @extend_schema(summary="Remove the link to the member's individual case (core staff)", tags=TAGS,
                   parameters=[CASE_ID, MEMBER_ID, IF_MATCH], responses={204: None})
    def delete(self, request: AuthenticatedRequest, case_id: int, member_id: int) -> Response:
        selectors.member_check(actor=request.user, case_id=case_id, member_id=member_id,
                               minimum=access.MANAGE_MEMBERS)
        services.member_unlink(actor=request.user, case_id=case_id, member_id=member_id,
                               expected_version=optional_version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MemberGoalsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The goals of the group plan for one member (participants and core staff)", tags=TAGS,
                   parameters=[CASE_ID, MEMBER_ID], responses=GoalSerializer(many=True),
                   operation_id="group_member_goals_list")
    def get(self, request: AuthenticatedRequest, case_id: int, member_id: int) -> Response:
        _member_row, goals = selectors.member_goals(actor=request.user, case_id=case_id, member_id=member_id)
        many: Any = GoalSerializer
        return Response(many(goals, many=True).data)
