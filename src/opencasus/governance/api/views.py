"""API of steering: the strategic agenda (priority themes) and the records of tactical and strategic meetings.
Reads go through `governance.selectors` (access in `opencasus.access.governance`); hidden answers 404."""

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
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.unset import UNSET
from opencasus.governance import selectors, services
from opencasus.governance.api import serializers as s
from opencasus.governance.filters import ActionFilter, MeetingFilter, ThemeFilter
from opencasus.governance.models import GovernanceMeeting, ItemKind, MeetingAction, PriorityTheme

TAGS = ["governance"]
THEME_ID = OpenApiParameter("themeId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The priority theme")
MEETING_ID = OpenApiParameter("meetingId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The meeting")
ACTION_ID = OpenApiParameter("actionId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The action")


def _paginated(view: APIView, request: AuthenticatedRequest, qs: Any, serializer: Any) -> Response:
    paginator = Pagination()
    page: list[Any] = paginator.paginate_queryset(qs, request, view=view) or []
    return paginator.get_paginated_response(serializer(page, many=True).data)


class ThemeListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ThemeFilter
    pagination_class = Pagination
    queryset = PriorityTheme.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Priority themes of the strategic agendas of the caller's regions", tags=TAGS,
                   responses=s.PriorityThemeSerializer(many=True), operation_id="priority_themes_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ThemeFilter, request.query_params)
        year = values["year"]
        qs = selectors.theme_list(actor=request.user, region_id=values["regionId"],
                                  year=int(year) if year is not None else None)
        return _paginated(self, request, qs, s.PriorityThemeSerializer)

    @extend_schema(summary="Add a priority theme to a region's agenda (steering group, house manager)", tags=TAGS,
                   request=s.PriorityThemeSerializer, responses={201: s.PriorityThemeSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.PriorityThemeSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        theme = services.theme_create(actor=request.user, region_id=data["region_id"], year=data["year"],
                                      name=data["name"], aims=data["aims"])
        return with_etag(Response(s.PriorityThemeSerializer(theme).data, status=status.HTTP_201_CREATED),
                         theme.version)


class ThemeDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A priority theme", tags=TAGS, parameters=[THEME_ID], responses=s.PriorityThemeSerializer)
    def get(self, request: AuthenticatedRequest, theme_id: int) -> Response:
        theme = selectors.theme_get(actor=request.user, theme_id=theme_id)
        return with_etag(Response(s.PriorityThemeSerializer(theme).data), theme.version)

    def _save(self, request: AuthenticatedRequest, theme_id: int, serializer: Any) -> Response:
        selectors.theme_get(actor=request.user, theme_id=theme_id)  # hidden: 404 before validation
        ser = serializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        theme = services.theme_update(actor=request.user, theme_id=theme_id,
                                      expected_version=required_version(request, data),
                                      name=data.get("name", UNSET), aims=data.get("aims", UNSET))
        return with_etag(Response(s.PriorityThemeSerializer(theme).data), theme.version)

    @extend_schema(summary="Change a priority theme (steering group, house manager)", tags=TAGS,
                   parameters=[THEME_ID, IF_MATCH], request=s.PriorityThemePutSerializer,
                   responses=s.PriorityThemeSerializer)
    def put(self, request: AuthenticatedRequest, theme_id: int) -> Response:
        return self._save(request, theme_id, s.PriorityThemePutSerializer)

    @extend_schema(summary="Change a priority theme in part (steering group, house manager)", tags=TAGS,
                   parameters=[THEME_ID, IF_MATCH], request=s.PriorityThemeChangeSerializer,
                   responses=s.PriorityThemeSerializer)
    def patch(self, request: AuthenticatedRequest, theme_id: int) -> Response:
        return self._save(request, theme_id, s.PriorityThemeChangeSerializer)


def meeting_data(request: AuthenticatedRequest, meeting: GovernanceMeeting) -> dict[str, Any]:
    user = request.user
    escalations = selectors.meeting_escalations(actor=user, meeting=meeting)
    return {
        "id": meeting.pk, "level": meeting.level, "house_id": meeting.house_id, "region_id": meeting.region_id,
        "date": meeting.date, "title": meeting.title, "version": meeting.version,
        "agenda_items": selectors.meeting_items(meeting, ItemKind.AGENDA),
        "decisions": selectors.meeting_items(meeting, ItemKind.DECISION),
        "actions": selectors.meeting_actions(meeting),
        "escalations": [{**e.__dict__, "case_reference": e.case_reference or None} for e in escalations],
        "may_edit": selectors.may_edit_meeting(actor=user, meeting=meeting),
    }


class MeetingListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = MeetingFilter
    pagination_class = Pagination
    queryset = GovernanceMeeting.objects.none()

    @extend_schema(summary="Records of tactical and strategic meetings the caller may read", tags=TAGS,
                   responses=s.GovernanceMeetingSerializer(many=True), operation_id="governance_meetings_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(MeetingFilter, request.query_params)
        year = values["year"]
        qs = selectors.meeting_list(actor=request.user, level=values["level"] or None,
                                    region_id=values["regionId"], year=int(year) if year is not None else None)
        return _paginated(self, request, qs, s.GovernanceMeetingSerializer)

    @extend_schema(summary="Record a tactical (house manager) or strategic (steering group) meeting", tags=TAGS,
                   request=s.GovernanceMeetingSerializer, responses={201: s.GovernanceMeetingDetailSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.GovernanceMeetingSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        meeting = services.meeting_create(actor=request.user, level=data["level"], house_id=data["house_id"],
                                          date=data["date"], title=data["title"])
        return Response(s.GovernanceMeetingDetailSerializer(meeting_data(request, meeting)).data,
                        status=status.HTTP_201_CREATED)


class MeetingDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The record of a meeting: agenda, decisions, actions and escalations discussed (their "
                           "summary only)", tags=TAGS, parameters=[MEETING_ID],
                   responses=s.GovernanceMeetingDetailSerializer)
    def get(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
        return Response(s.GovernanceMeetingDetailSerializer(meeting_data(request, meeting)).data)


class _ItemView(SnakeCaseKwargsAPIView):
    kind = ItemKind.AGENDA

    def post(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
        ser = s.MeetingItemSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        item = services.item_add(actor=request.user, meeting_id=meeting_id, kind=self.kind,
                                 text=ser.validated_data["text"], theme_id=ser.validated_data["theme_id"])
        return Response(s.MeetingItemSerializer(item).data, status=status.HTTP_201_CREATED)


class AgendaItemView(_ItemView):
    kind = ItemKind.AGENDA

    @extend_schema(summary="Add an agenda item to a meeting (its editors)", tags=TAGS, parameters=[MEETING_ID],
                   request=s.MeetingItemSerializer, responses={201: s.MeetingItemSerializer})
    def post(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        return super().post(request, meeting_id)


class DecisionView(_ItemView):
    kind = ItemKind.DECISION

    @extend_schema(summary="Record a decision of a meeting (its editors)", tags=TAGS, parameters=[MEETING_ID],
                   request=s.MeetingItemSerializer, responses={201: s.MeetingItemSerializer})
    def post(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        return super().post(request, meeting_id)


class MeetingActionCreateView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Agree an action with an owner and a deadline (the meeting's editors)", tags=TAGS,
                   parameters=[MEETING_ID], request=s.MeetingActionSerializer,
                   responses={201: s.MeetingActionSerializer})
    def post(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
        ser = s.MeetingActionSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        action = services.action_add(actor=request.user, meeting_id=meeting_id, description=data["description"],
                                     owner_id=data["owner_id"], deadline=data["deadline"],
                                     decision_id=data["decision_id"])
        return with_etag(Response(s.MeetingActionSerializer(action).data, status=status.HTTP_201_CREATED),
                         action.version)


class MeetingEscalationView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Record an escalation discussed in the meeting (its editors)", tags=TAGS,
                   parameters=[MEETING_ID], request=s.EscalationLinkSerializer,
                   responses={201: s.GovernanceMeetingDetailSerializer})
    def post(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
        ser = s.EscalationLinkSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.escalation_link(actor=request.user, meeting_id=meeting_id,
                                 escalation_id=ser.validated_data["escalation_id"])
        meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
        return Response(s.GovernanceMeetingDetailSerializer(meeting_data(request, meeting)).data,
                        status=status.HTTP_201_CREATED)


class ActionListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ActionFilter
    pagination_class = Pagination
    queryset = MeetingAction.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Actions of the meetings the caller may read (mine, overdue)", tags=TAGS,
                   responses=s.MeetingActionSerializer(many=True), operation_id="meeting_actions_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ActionFilter, request.query_params)
        qs = selectors.action_list(actor=request.user, mine=bool(values["mine"]), overdue=bool(values["overdue"]))
        return _paginated(self, request, qs, s.MeetingActionSerializer)


class ActionDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A meeting action", tags=TAGS, parameters=[ACTION_ID], responses=s.MeetingActionSerializer)
    def get(self, request: AuthenticatedRequest, action_id: int) -> Response:
        action = selectors.action_get(actor=request.user, action_id=action_id)
        return with_etag(Response(s.MeetingActionSerializer(action).data), action.version)


class ActionStatusView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Change the status of a meeting action (owner: progress and done; editors: all)",
                   tags=TAGS, parameters=[ACTION_ID, IF_MATCH], request=s.ActionStatusSerializer,
                   responses=s.MeetingActionSerializer)
    def post(self, request: AuthenticatedRequest, action_id: int) -> Response:
        selectors.action_get(actor=request.user, action_id=action_id)
        ser = s.ActionStatusSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        action = services.action_set_status(actor=request.user, action_id=action_id,
                                            status=ser.validated_data["status"],
                                            expected_version=optional_version(request, ser.validated_data))
        return with_etag(Response(s.MeetingActionSerializer(action).data), action.version)
