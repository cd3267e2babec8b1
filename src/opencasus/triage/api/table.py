"""The API of the triage table with its partners: standing members, sessions, the intake at the table,
contributions and information requests. Reads through `selectors_table`, writes through the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.serializers import Serializer
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.triage import selectors_table, services
from opencasus.triage.filters_table import InformationRequestFilter, SessionFilter, StandingMemberFilter
from opencasus.triage.models import (
    AnswerScope,
    Decision,
    InformationRequest,
    SessionStatus,
    StandingMember,
    TriageSession,
)

if TYPE_CHECKING:
    pass



def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


CASE_ID = _id("caseId", "The intake.")
SESSION_ID = _id("sessionId", "The triage session.")
REQUEST_ID = _id("requestId", "The information request.")
MEMBER_ID = _id("memberId", "The standing member.")
LIFE_DOMAINS = serializers.ListField(child=serializers.ChoiceField(choices=LifeDomain.choices), max_length=12)


# Serializers -----------------------------------------------------------------------------------------------

class StandingMemberSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    house_id = serializers.IntegerField(min_value=1)
    organisation_id = serializers.IntegerField(min_value=1)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    user_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None,
                                       help_text="A named professional; null: the whole organisation")
    meeting_type_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None,
                                               help_text="A conference type; null: the triage table")
    started_at = serializers.DateTimeField(read_only=True)
    ended_at = serializers.DateTimeField(read_only=True, allow_null=True)


class ReasonSerializer(Serializer[Any]):
    reason = serializers.CharField(max_length=1000)


class SessionItemSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(source="case.pk")
    reference = serializers.CharField(source="case.reference")
    status = serializers.CharField(source="case.status")
    waiting = serializers.BooleanField(source="open", help_text="Still waiting for the decision")
    subjects = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()
    decided_at = serializers.SerializerMethodField()

    def get_subjects(self, row: Any) -> list[str]:
        return [f"{p.first_name} {p.last_name}" for p in row.subjects]

    def get_outcome(self, row: Any) -> str | None:
        decision: Decision | None = row.decision
        return decision.outcome if decision else None

    def get_decided_at(self, row: Any) -> str | None:
        return row.decision.decided_at.isoformat() if row.decision else None


class SessionSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    house_id = serializers.IntegerField(min_value=1)
    date = serializers.DateField()
    status = serializers.ChoiceField(choices=SessionStatus.choices, read_only=True)
    minutes = serializers.CharField(read_only=True)
    version = serializers.IntegerField(read_only=True)


class SessionDetailSerializer(SessionSerializer):
    items = serializers.SerializerMethodField()

    def get_items(self, session: TriageSession) -> list[dict[str, Any]]:
        return list(SessionItemSerializer(self.context["rows"], many=True).data)


class MinutesSerializer(Serializer[Any]):
    minutes = serializers.CharField(max_length=10000, allow_blank=True)
    version = serializers.IntegerField(required=False, help_text="The version read (or If-Match)")


class SessionItemsSerializer(Serializer[Any]):
    case_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1, max_length=100)


class SessionStatusSerializer(Serializer[Any]):
    status = serializers.ChoiceField(choices=SessionStatus.choices)
    version = serializers.IntegerField(required=False)


class ContributionSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    organisation_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None,
                                               help_text="The organisation you contribute for (when you sit at the "
                                                         "table for more than one)")
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    text = serializers.CharField(max_length=10000)
    life_domains = LIFE_DOMAINS
    created_at = serializers.DateTimeField(read_only=True)


class PersonRefSerializer(Serializer[Any]):
    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)


class AnswerSerializer(Serializer[Any]):
    text = serializers.CharField(max_length=10000)
    life_domains = serializers.ListField(child=serializers.ChoiceField(choices=LifeDomain.choices), max_length=12,
                                         required=False, default=list)
    sharing_scope = serializers.ChoiceField(choices=AnswerScope.choices, default=AnswerScope.TRIAGE_TABLE)
    legal_basis = serializers.CharField(max_length=300)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    answered_at = serializers.DateTimeField(read_only=True)
    version = serializers.IntegerField(required=False, write_only=True)


class TableIntakeSerializer(Serializer[Any]):
    case_id = serializers.IntegerField(source="case.pk")
    reference = serializers.CharField(source="case.reference")
    status = serializers.CharField(source="case.status")
    urgency = serializers.CharField(source="case.urgency")
    reason = serializers.CharField(source="case.reason")
    requested_purpose = serializers.CharField(source="case.requested_purpose")
    persons = PersonRefSerializer(many=True)
    contributions = ContributionSerializer(many=True)
    answers = AnswerSerializer(many=True)


class InformationRequestSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    case_id = serializers.IntegerField(min_value=1)
    reference = serializers.CharField(source="case.reference", read_only=True)
    organisation_id = serializers.IntegerField(min_value=1)
    person_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1, max_length=50,
                                       write_only=True)
    persons = PersonRefSerializer(many=True, read_only=True, source="persons.all")
    life_domains = LIFE_DOMAINS
    question = serializers.CharField(max_length=10000)
    due_date = serializers.DateField()
    status = serializers.CharField(read_only=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    version = serializers.IntegerField(read_only=True)
    answer = serializers.SerializerMethodField()

    def get_answer(self, request: InformationRequest) -> dict[str, Any] | None:
        answer = self.context.get("answer")
        return dict(AnswerSerializer(answer).data) if answer is not None else None


class WithdrawalSerializer(Serializer[Any]):
    version = serializers.IntegerField(required=False)


# Views -----------------------------------------------------------------------------------------------------

class StandingMembersView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = StandingMemberFilter
    queryset = StandingMember.objects.none()

    @extend_schema(summary="Standing members of a house's triage table and conference types (process director, "
                           "house manager)", tags=["triage"], responses=StandingMemberSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(StandingMemberFilter, request.query_params)
        members = selectors_table.standing_members(actor=request.user, house_id=values["houseId"] or 0,
                                                   include_ended=bool(values["includeEnded"]))
        return Response(StandingMemberSerializer(members, many=True).data)

    @extend_schema(summary="Give an organisation or a named professional a seat", tags=["triage"],
                   request=StandingMemberSerializer, responses={201: StandingMemberSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        serializer = StandingMemberSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        member = services.standing_member_add(
            actor=request.user, house_id=data["house_id"], organisation_id=data["organisation_id"],
            user_id=data["user_id"], meeting_type_id=data["meeting_type_id"])
        return Response(StandingMemberSerializer(member).data, status=status.HTTP_201_CREATED)


class StandingMemberEndView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="End a seat; the access it gave ends with it", tags=["triage"], parameters=[MEMBER_ID],
                   request=ReasonSerializer, responses=StandingMemberSerializer)
    def post(self, request: AuthenticatedRequest, member_id: int) -> Response:
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = services.standing_member_end(actor=request.user, member_id=member_id,
                                              reason=serializer.validated_data["reason"])
        return Response(StandingMemberSerializer(member).data)


class SessionsView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = SessionFilter
    queryset = TriageSession.objects.none()

    @extend_schema(summary="Triage sessions of the houses whose table the caller sees", tags=["triage"],
                   responses=SessionSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(SessionFilter, request.query_params)
        rows = selectors_table.session_list(actor=request.user, house_id=values["houseId"],
                                            status=values["status"] or None)
        return Response(SessionSerializer(rows, many=True).data)

    @extend_schema(summary="Plan a triage session (core staff)", tags=["triage"], request=SessionSerializer,
                   responses={201: SessionSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        serializer = SessionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        session = services.session_create(actor=request.user, house_id=serializer.validated_data["house_id"],
                                          date=serializer.validated_data["date"])
        return with_etag(Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED), session.version)


def _session_response(request: AuthenticatedRequest, session_id: int, code: int = status.HTTP_200_OK) -> Response:
    session, _level, rows = selectors_table.session_detail(actor=request.user, session_id=session_id)
    data = SessionDetailSerializer(session, context={"rows": rows}).data
    return with_etag(Response(data, status=code), session.version)


class SessionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A triage session: its intakes, the decisions taken on them and the minutes",
                   tags=["triage"], parameters=[SESSION_ID], responses=SessionDetailSerializer)
    def get(self, request: AuthenticatedRequest, session_id: int) -> Response:
        return _session_response(request, session_id)

    @extend_schema(summary="The secretary's minutes of the session (core staff)", tags=["triage"],
                   parameters=[SESSION_ID, IF_MATCH], request=MinutesSerializer, responses=SessionDetailSerializer)
    def patch(self, request: AuthenticatedRequest, session_id: int) -> Response:
        serializer = MinutesSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.session_minutes_save(actor=request.user, session_id=session_id,
                                      minutes=serializer.validated_data["minutes"],
                                      expected_version=required_version(request, serializer.validated_data))
        return _session_response(request, session_id)


class SessionItemsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Put intakes of the house's queue on the session's list (core staff)", tags=["triage"],
                   parameters=[SESSION_ID], request=SessionItemsSerializer, responses={201: SessionDetailSerializer})
    def post(self, request: AuthenticatedRequest, session_id: int) -> Response:
        serializer = SessionItemsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.session_add_intakes(actor=request.user, session_id=session_id,
                                     case_ids=serializer.validated_data["case_ids"])
        return _session_response(request, session_id, status.HTTP_201_CREATED)


class SessionItemView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Take an intake off the session's list (core staff)", tags=["triage"],
                   parameters=[SESSION_ID, CASE_ID], responses={204: None})
    def delete(self, request: AuthenticatedRequest, session_id: int, case_id: int) -> Response:
        services.session_remove_intake(actor=request.user, session_id=session_id, case_id=case_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionStatusView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Mark the session held, its minutes final, or cancel it (core staff)", tags=["triage"],
                   parameters=[SESSION_ID], request=SessionStatusSerializer, responses=SessionDetailSerializer)
    def post(self, request: AuthenticatedRequest, session_id: int) -> Response:
        serializer = SessionStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.session_transition(actor=request.user, session_id=session_id,
                                    to_status=serializer.validated_data["status"],
                                    expected_version=optional_version(request, serializer.validated_data))
        return _session_response(request, session_id)


class TableIntakeView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="An intake as the triage table sees it, until the decision (core staff and standing "
                           "members)", tags=["triage"], parameters=[CASE_ID], responses=TableIntakeSerializer)
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        intake = selectors_table.table_intake_get(actor=request.user, case_id=case_id)
        return Response(TableIntakeSerializer(intake).data)


class ContributionsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Contributions of the triage table on an intake", tags=["triage"], parameters=[CASE_ID],
                   responses=ContributionSerializer(many=True))
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        rows = selectors_table.contributions_list(actor=request.user, case_id=case_id)
        return Response(ContributionSerializer(rows, many=True).data)

    @extend_schema(summary="Add a contribution on an intake at the triage table (standing members, core staff)",
                   tags=["triage"], parameters=[CASE_ID], request=ContributionSerializer,
                   responses={201: ContributionSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        serializer = ContributionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        contribution = services.contribution_add(actor=request.user, case_id=case_id, text=data["text"],
                                                 life_domains=data["life_domains"],
                                                 organisation_id=data["organisation_id"])
        return Response(ContributionSerializer(contribution).data, status=status.HTTP_201_CREATED)


class InformationRequestsView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = InformationRequestFilter
    queryset = InformationRequest.objects.none()

    @extend_schema(summary="Information requests: core staff their houses', a partner those addressed to their "
                           "organisation", tags=["triage"], responses=InformationRequestSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(InformationRequestFilter, request.query_params)
        rows = selectors_table.request_list(actor=request.user, house_id=values["houseId"],
                                            case_id=values["caseId"], status=values["status"] or None,
                                            overdue=values["overdue"])
        return Response(InformationRequestSerializer(rows, many=True).data)

    @extend_schema(summary="Ask an organisation for information about an intake (core staff)", tags=["triage"],
                   request=InformationRequestSerializer, responses={201: InformationRequestSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        serializer = InformationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        created = services.information_request_create(
            actor=request.user, case_id=data["case_id"], organisation_id=data["organisation_id"],
            person_ids=data["person_ids"], life_domains=data["life_domains"], question=data["question"],
            due_date=data["due_date"])
        return with_etag(Response(InformationRequestSerializer(created).data, status=status.HTTP_201_CREATED),
                         created.version)


class InformationRequestView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One information request with its answer", tags=["triage"], parameters=[REQUEST_ID],
                   responses=InformationRequestSerializer)
    def get(self, request: AuthenticatedRequest, request_id: int) -> Response:
        view = selectors_table.request_detail(actor=request.user, request_id=request_id)
        data = InformationRequestSerializer(view.request, context={"answer": view.answer}).data
        return with_etag(Response(data), view.request.version)


class InformationAnswerView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Answer an information request (a professional of the organisation asked); shared with "
                           "the triage table only by default", tags=["triage"], parameters=[REQUEST_ID, IF_MATCH],
                   request=AnswerSerializer, responses={201: AnswerSerializer})
    def post(self, request: AuthenticatedRequest, request_id: int) -> Response:
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        answer = services.information_request_answer(
            actor=request.user, request_id=request_id, text=data["text"], life_domains=data["life_domains"],
            legal_basis=data["legal_basis"], sharing_scope=data["sharing_scope"],
            expected_version=optional_version(request, data))
        return Response(AnswerSerializer(answer).data, status=status.HTTP_201_CREATED)


class InformationWithdrawalView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Withdraw an open information request (core staff)", tags=["triage"],
                   parameters=[REQUEST_ID, IF_MATCH], request=WithdrawalSerializer,
                   responses=InformationRequestSerializer)
    def post(self, request: AuthenticatedRequest, request_id: int) -> Response:
        serializer = WithdrawalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        withdrawn = services.information_request_withdraw(
            actor=request.user, request_id=request_id,
            expected_version=optional_version(request, serializer.validated_data))
        return with_etag(Response(InformationRequestSerializer(withdrawn).data), withdrawn.version)
