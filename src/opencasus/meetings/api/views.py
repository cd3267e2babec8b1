"""The case-conference API: meetings, agenda items, minutes, attendance, invitations, self-reports.

Access and processing logging as on the pages: core staff of the house see and change everything;
an invitee sees their own agenda items only; everyone else gets 404.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.unset import UNSET
from opencasus.logbook import purposes
from opencasus.meetings import invitations, minutes, selectors, services
from opencasus.meetings.api import serializers as s
from opencasus.meetings.filters import MeetingFilter, SelfReportFilter
from opencasus.meetings.models import Meeting, MeetingStatus, SelfReport

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.network.models import MeetingType

MEETING_ID = OpenApiParameter("meeting_id", OpenApiTypes.INT, OpenApiParameter.PATH)
DECISION_ID = OpenApiParameter("decision_id", OpenApiTypes.INT, OpenApiParameter.PATH)


def _time(value: str) -> dt.time:
    return dt.datetime.strptime(value, "%H:%M").time()


def _meeting_type(data: dict[str, Any], house_id: int) -> MeetingType:
    meeting_type = selectors.meeting_type_for(house_id=house_id, meeting_type_id=data["meeting_type_id"])
    if meeting_type is None:
        raise DjangoValidationError({"meetingTypeId": _("Choose a meeting type of this house.")})
    return meeting_type


def _member(data: dict[str, Any], house_id: int, name: str) -> User | None:
    """The chair or secretary named by `{name}_id`; an id of no one in the house is refused, not dropped."""
    member = selectors.house_member(house_id=house_id, user_id=data[f"{name}_id"])
    if member is None and data[f"{name}_id"]:
        message = (_("The chair must be core staff of this house.") if name == "chair"
                   else _("The secretary must be core staff of this house."))
        raise DjangoValidationError({f"{name}Id": message})
    return member


def _meeting_changes(data: dict[str, Any], house_id: int) -> services.MeetingChanges:
    """The fields the body holds (a partial update leaves the others as they are)."""
    return services.MeetingChanges(
        meeting_type=_meeting_type(data, house_id) if "meeting_type_id" in data else UNSET,
        date=data.get("date", UNSET), location=data.get("location", UNSET),
        video_link=data.get("video_link", UNSET),
        start_time=_time(data["start_time"]) if "start_time" in data else UNSET,
        chair=_member(data, house_id, "chair") if "chair_id" in data else UNSET,
        secretary=_member(data, house_id, "secretary") if "secretary_id" in data else UNSET)


@extend_schema_view(
    list=extend_schema(summary="Meetings the caller plans (core staff) or is needed at", tags=["meetings"],
                       responses=s.MeetingSerializer(many=True)),
    retrieve=extend_schema(summary="One meeting", tags=["meetings"], responses=s.MeetingSerializer),
    create=extend_schema(summary="Plan a meeting", tags=["meetings"], request=s.MeetingWriteSerializer,
                         responses={201: s.MeetingSerializer}),
    partial_update=extend_schema(summary="Change a planned meeting (with the version read)", tags=["meetings"],
                                 parameters=[IF_MATCH], request=s.MeetingWriteSerializer,
                                 responses=s.MeetingSerializer),
)
class MeetingViewSet(viewsets.ViewSet):
    lookup_value_regex = "[0-9]+"
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = MeetingFilter
    queryset = Meeting.objects.none()  # names the model for the OpenAPI document; the selector reads

    def list(self, request: AuthenticatedRequest) -> Response:
        state = filter_values(MeetingFilter, request.query_params)["status"] or None
        meetings = list(selectors.meeting_list(actor=request.user, status=state))
        selectors.record_meeting_list_view(actor=request.user, meetings=meetings)
        return Response(s.MeetingSerializer(meetings, many=True).data)

    def retrieve(self, request: AuthenticatedRequest, pk: int) -> Response:
        meeting = selectors.meeting_view(actor=request.user, meeting_id=pk)
        return with_etag(Response(s.MeetingSerializer(meeting).data), meeting.version)

    def create(self, request: AuthenticatedRequest) -> Response:
        serializer = s.MeetingWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        missing = [name for name in ("house_id", "meeting_type_id", "date", "start_time") if name not in data]
        if missing:
            raise DjangoValidationError({name: _("This field is required.") for name in missing})
        house_id = data["house_id"]
        meeting_type = _meeting_type(data, house_id)
        meeting = services.meeting_create(
            actor=request.user, house_id=house_id, meeting_type=meeting_type, date=data["date"],
            start_time=_time(data["start_time"]), location=data.get("location", ""),
            video_link=data.get("video_link", ""),
            chair=_member(data, house_id, "chair") if "chair_id" in data else None,
            secretary=_member(data, house_id, "secretary") if "secretary_id" in data else None)
        return Response(s.MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: AuthenticatedRequest, pk: int) -> Response:
        meeting = selectors.meeting_get(actor=request.user, meeting_id=pk, core=True)
        serializer = s.MeetingWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        meeting = services.meeting_update(actor=request.user, meeting_id=meeting.pk,
                                          expected_version=required_version(request, data),
                                          changes=_meeting_changes(data, meeting.house_id))
        return with_etag(Response(s.MeetingSerializer(meeting).data), meeting.version)

    @extend_schema(summary="Cancel a meeting (cancellations go to all invitees)", tags=["meetings"], request=None,
                   responses=s.MeetingSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request: AuthenticatedRequest, pk: int) -> Response:
        meeting = services.meeting_set_status(actor=request.user, meeting_id=pk, status=MeetingStatus.CANCELLED)
        return Response(s.MeetingSerializer(meeting).data)

    @extend_schema(summary="Order the agenda by needed partners; figures against the target-group ordering",
                   tags=["meetings"], request=None, responses=s.OptimiseResultSerializer)
    @action(detail=True, methods=["post"])
    def optimise(self, request: AuthenticatedRequest, pk: int) -> Response:
        comparison = services.agenda_optimise(actor=request.user, meeting_id=pk)
        meeting = selectors.meeting_get(actor=request.user, meeting_id=pk, core=True)
        items = list(selectors.agenda_items(actor=request.user, meeting=meeting))
        attendees = [{"attendee": f"{key[0]}:{key[1]}", "minutes": a.minutes, "blocks": len(a.blocks),  # type: ignore[index]
                      "target_group_minutes": comparison.target_group.per_attendee[key].minutes}
                     for key, a in comparison.current.per_attendee.items()]
        return Response(s.OptimiseResultSerializer({
            "item_ids": [item.pk for item in items], "total_minutes": comparison.current.total_minutes,
            "target_group_minutes": comparison.target_group.total_minutes,
            "saving_minutes": comparison.saving_minutes,
            "attendees": sorted(attendees, key=lambda a: a["attendee"])}).data)

    @extend_schema(summary="Send invitations, updates and cancellations with an iCalendar file per invitee",
                   tags=["meetings"], request=None, responses=s.SendResultSerializer)
    @action(detail=True, methods=["post"])
    def invitations(self, request: AuthenticatedRequest, pk: int) -> Response:
        result = invitations.invitations_send(actor=request.user, meeting_id=pk)
        return Response(s.SendResultSerializer(vars(result)).data)

    @extend_schema(methods=["GET"], summary="Invitees and attendance (an invitee sees their own row)",
                   tags=["meetings"], responses=s.InvitationSerializer(many=True))
    @extend_schema(methods=["PUT"], summary="Record attendance per invitee", tags=["meetings"],
                   request=s.AttendanceWriteSerializer, responses=s.InvitationSerializer(many=True))
    @action(detail=True, methods=["get", "put"])
    def attendance(self, request: AuthenticatedRequest, pk: int) -> Response:
        if request.method == "PUT":
            serializer = s.AttendanceWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            minutes.attendance_record(actor=request.user, meeting_id=pk, attended={
                row["user_id"]: row["attended"] for row in serializer.validated_data["attendance"]})
        meeting = selectors.meeting_get(actor=request.user, meeting_id=pk)
        rows = list(selectors.invitations(actor=request.user, meeting=meeting))
        if request.method == "GET":
            selectors.record_attendance_view(actor=request.user, meeting=meeting, purpose=purposes.MEETING_LIST)
        return Response(s.InvitationSerializer(rows, many=True).data)


ITEM_SCHEMA: dict[str, Any] = {"tags": ["meetings"], "parameters": [MEETING_ID]}


@extend_schema_view(
    list=extend_schema(summary="The agenda items the caller may see (an invitee: their own)",
                       responses=s.AgendaItemSerializer(many=True), **ITEM_SCHEMA),
    retrieve=extend_schema(summary="One agenda item", responses=s.AgendaItemSerializer, **ITEM_SCHEMA),
    create=extend_schema(summary="Put an admitted case on the agenda", request=s.AgendaItemWriteSerializer,
                         responses={201: s.AgendaItemSerializer}, **ITEM_SCHEMA),
    partial_update=extend_schema(summary="Change the slot or the participants needed",
                                 request=s.AgendaItemWriteSerializer, responses=s.AgendaItemSerializer,
                                 **ITEM_SCHEMA),
    destroy=extend_schema(summary="Take a case off the agenda", responses={204: None}, **ITEM_SCHEMA),
)
class AgendaItemViewSet(viewsets.ViewSet):
    lookup_value_regex = "[0-9]+"

    def _meeting(self, request: AuthenticatedRequest, meeting_id: int, core: bool = False) -> Any:
        return selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=core)

    def list(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        meeting = self._meeting(request, meeting_id)
        items = selectors.agenda_view(actor=request.user, meeting=meeting)
        return Response(s.AgendaItemSerializer(items, many=True).data)

    def retrieve(self, request: AuthenticatedRequest, meeting_id: int, pk: int) -> Response:
        meeting = self._meeting(request, meeting_id)
        item = selectors.agenda_item_view(actor=request.user, meeting=meeting, item_id=pk)
        return Response(s.AgendaItemSerializer(item).data)

    def create(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        meeting = self._meeting(request, meeting_id, core=True)
        serializer = s.AgendaItemWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "case_id" not in data:
            raise DjangoValidationError({"caseId": _("This field is required.")})
        item = services.agenda_item_add(actor=request.user, meeting_id=meeting.pk, case_id=data["case_id"],
                                        minutes=data.get("minutes"), organisation_ids=data.get("organisation_ids"),
                                        professional_ids=data.get("professional_ids"))
        item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=item.pk)
        return Response(s.AgendaItemSerializer(item).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: AuthenticatedRequest, meeting_id: int, pk: int) -> Response:
        meeting = self._meeting(request, meeting_id, core=True)
        serializer = s.AgendaItemWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.agenda_item_update(actor=request.user, meeting_id=meeting.pk, item_id=pk,
                                    minutes=data.get("minutes"), organisation_ids=data.get("organisation_ids"),
                                    professional_ids=data.get("professional_ids"))
        return Response(s.AgendaItemSerializer(selectors.agenda_item_get(
            actor=request.user, meeting=meeting, item_id=pk)).data)

    def destroy(self, request: AuthenticatedRequest, meeting_id: int, pk: int) -> Response:
        meeting = self._meeting(request, meeting_id, core=True)
        services.agenda_item_remove(actor=request.user, meeting_id=meeting.pk, item_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Put the agenda in this order (every item once)", request=s.ReorderSerializer,
                   responses=s.AgendaItemSerializer(many=True), **ITEM_SCHEMA)
    @action(detail=False, methods=["post"])
    def reorder(self, request: AuthenticatedRequest, meeting_id: int) -> Response:
        serializer = s.ReorderSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.agenda_reorder(actor=request.user, meeting_id=meeting_id,
                                item_ids=serializer.validated_data["item_ids"])
        meeting = self._meeting(request, meeting_id, core=True)
        return Response(s.AgendaItemSerializer(selectors.agenda_items(actor=request.user, meeting=meeting),
                                               many=True).data)

    @extend_schema(methods=["GET"], summary="The minutes in BOB form (invitees: approved minutes of their item)",
                   responses=s.MinutesSerializer, **ITEM_SCHEMA)
    @extend_schema(methods=["PUT"], summary="Write the minutes (core staff; not after approval; the version read "
                   "is required once minutes exist)", request=s.MinutesWriteSerializer, responses=s.MinutesSerializer,
                   tags=["meetings"], parameters=[MEETING_ID, IF_MATCH])
    @action(detail=True, methods=["get", "put"], url_path="minutes")
    def minutes(self, request: AuthenticatedRequest, meeting_id: int, pk: int) -> Response:
        meeting = self._meeting(request, meeting_id)
        item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=pk)
        if request.method == "PUT":
            serializer = s.MinutesWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
            minutes.minutes_save(
                actor=request.user, meeting_id=meeting.pk, item_id=item.pk, picture_forming=data["picture_forming"],
                judgement=data["judgement"],
                expected_version=optional_version(request, data), version_required=True,
                decisions=[minutes.DecisionInput(
                    description=d["description"], owner_organisation_id=d.get("owner_organisation_id"),
                    owner_user_id=d.get("owner_user_id"), deadline=d.get("deadline")) for d in data["decisions"]])
        record = selectors.minutes_for(actor=request.user, item=item)
        if record is None:
            raise Http404
        if request.method == "GET":
            selectors.record_minutes_view(actor=request.user, item=item, minutes=record)
        return with_etag(Response(s.MinutesSerializer(record).data), record.version)

    @extend_schema(summary="Approve the minutes (the chair); afterwards they are read-only",
                   request=s.VersionSerializer, responses=s.MinutesSerializer, tags=["meetings"],
                   parameters=[MEETING_ID, IF_MATCH])
    @action(detail=True, methods=["post"], url_path="minutes/approve")
    def approve(self, request: AuthenticatedRequest, meeting_id: int, pk: int) -> Response:
        serializer = s.VersionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = minutes.minutes_approve(actor=request.user, meeting_id=meeting_id, item_id=pk,
                                         expected_version=optional_version(request, serializer.validated_data))
        return with_etag(Response(s.MinutesSerializer(record).data), record.version)

    @extend_schema(summary="Turn a decision of approved minutes into an agreement in the case's plan",
                   request=None, responses=s.DecisionSerializer, parameters=[MEETING_ID, DECISION_ID],
                   tags=["meetings"])
    @action(detail=True, methods=["post"], url_path=r"minutes/decisions/(?P<decision_id>[0-9]+)/agreement")
    def agreement(self, request: AuthenticatedRequest, meeting_id: int, pk: int, decision_id: int) -> Response:
        meeting = self._meeting(request, meeting_id, core=True)
        item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=pk)
        selectors.decision_check(actor=request.user, item=item, decision_id=int(decision_id))
        decision = minutes.decision_to_agreement(actor=request.user, decision_id=int(decision_id))
        return Response(s.DecisionSerializer(decision).data)

    @extend_schema(summary="Correct the deadline of a decision not yet made an agreement (a process director)",
                   request=s.DecisionDeadlineSerializer, responses=s.DecisionSerializer,
                   parameters=[MEETING_ID, DECISION_ID], tags=["meetings"])
    @action(detail=True, methods=["patch"], url_path=r"minutes/decisions/(?P<decision_id>[0-9]+)")
    def decision(self, request: AuthenticatedRequest, meeting_id: int, pk: int, decision_id: int) -> Response:
        meeting = self._meeting(request, meeting_id, core=True)
        item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=pk)
        selectors.decision_check(actor=request.user, item=item, decision_id=int(decision_id))
        serializer = s.DecisionDeadlineSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decision = minutes.decision_deadline_correct(actor=request.user, decision_id=int(decision_id),
                                                     deadline=serializer.validated_data["deadline"])
        return Response(s.DecisionSerializer(decision).data)


@extend_schema_view(
    list=extend_schema(summary="The chairs' self-reports (Stappenmeter) of the caller's houses", tags=["meetings"],
                       # named here as well so the document keeps the description (an `IdFilter` has none)
                       parameters=[OpenApiParameter("caseId", {"type": "integer", "minimum": 1},
                                                    description="Only this case")],
                       responses=s.SelfReportSerializer(many=True)),
    retrieve=extend_schema(summary="One self-report", tags=["meetings"], responses=s.SelfReportSerializer),
    create=extend_schema(summary="Record a self-report", tags=["meetings"], request=s.SelfReportSerializer,
                         responses={201: s.SelfReportSerializer}),
)
class SelfReportViewSet(viewsets.ViewSet):
    lookup_value_regex = "[0-9]+"
    filter_backends = [FilterBackend]
    filterset_class = SelfReportFilter
    queryset = SelfReport.objects.none()  # names the model for the OpenAPI document; the selector reads

    def list(self, request: AuthenticatedRequest) -> Response:
        case_id = filter_values(SelfReportFilter, request.query_params)["caseId"]
        reports = selectors.self_reports_view(actor=request.user, case_id=case_id)
        return Response(s.SelfReportSerializer(reports, many=True).data)

    def retrieve(self, request: AuthenticatedRequest, pk: int) -> Response:
        report = selectors.self_report_view(actor=request.user, report_id=pk)
        return Response(s.SelfReportSerializer(report).data)

    def create(self, request: AuthenticatedRequest) -> Response:
        serializer = s.SelfReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = minutes.self_report_create(
            actor=request.user, case_id=data["case_id"], meeting_id=data.get("meeting_id"), kind=data["kind"],
            goals_score=data["goals_score"], cooperation_score=data["cooperation_score"], note=data.get("note", ""))
        return Response(s.SelfReportSerializer(report).data, status=status.HTTP_201_CREATED)

