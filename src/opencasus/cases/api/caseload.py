"""API of the caseload: the process director of a case (history, assign, reassign), the workload per
process director of a house, and the load per director over time."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.cases.caseload import history, selectors, services
from opencasus.cases.caseload.filters import LoadHistoryFilter
from opencasus.cases.models import AssignmentKind, Case, DirectorAssignment
from opencasus.cases.workflow import Status
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.serializers import Serializer
from opencasus.core.api.versions import IF_MATCH, optional_version, with_etag

CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case.")
HOUSE_ID = OpenApiParameter("houseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The house.")


def _name(user: Any) -> str | None:
    return (user.get_full_name() or user.get_username()) if user is not None else None



class AssignmentSerializer(Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=AssignmentKind.choices, read_only=True)
    from_director_id = serializers.IntegerField(read_only=True, allow_null=True)
    from_director_name = serializers.SerializerMethodField()
    director_id = serializers.IntegerField(source="to_director_id",
                                           help_text="The process director: an active one of the case's house.")
    director_name = serializers.SerializerMethodField()
    at = serializers.DateTimeField(read_only=True)
    by_name = serializers.SerializerMethodField()
    reason = serializers.CharField(allow_blank=True, required=False, default="", max_length=1000,
                                   help_text="Why: required when the case already has a process director.")
    version = serializers.IntegerField(write_only=True, required=False,
                                       help_text="The case version read (or send If-Match); checked when sent.")

    def get_from_director_name(self, obj: DirectorAssignment) -> str | None:
        return _name(obj.from_director)

    def get_director_name(self, obj: DirectorAssignment) -> str | None:
        return _name(obj.to_director)

    def get_by_name(self, obj: DirectorAssignment) -> str | None:
        return _name(obj.by)


class CaseDirectorAssignmentsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The history of a case's process director, oldest first (core staff)", tags=["caseload"],
                   parameters=[CASE_ID], responses=AssignmentSerializer(many=True))
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        view = selectors.direction_get(actor=request.user, case_id=case_id)
        data = AssignmentSerializer(view.assignments, many=True).data
        return with_etag(Response(data), view.case.version)

    @extend_schema(summary="Assign or reassign the process director of a case (core staff; a reassignment "
                           "needs a reason)", tags=["caseload"], parameters=[CASE_ID, IF_MATCH],
                   request=AssignmentSerializer, responses={201: AssignmentSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.direction_check(actor=request.user, case_id=case_id)  # hidden answers 404 before validation
        incoming = AssignmentSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        assignment = services.director_assign(actor=request.user, case_id=case_id,
                                              director_id=data["to_director_id"],
                                              reason=data["reason"], expected_version=optional_version(request, data))
        return Response(AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)


class WorkloadCaseSerializer(Serializer[Any]):
    case_id = serializers.IntegerField()
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    age_days = serializers.IntegerField()
    last_activity_at = serializers.DateTimeField()
    next_evaluation_date = serializers.DateField(allow_null=True)


class DirectorLoadSerializer(Serializer[Any]):
    director_id = serializers.IntegerField(allow_null=True, help_text="Null: the open cases nobody directs yet.")
    name = serializers.CharField()
    active_cases = serializers.IntegerField(source="active", help_text="Admitted cases directed now.")
    open_intakes = serializers.IntegerField(help_text="Intakes picked up, not yet decided on.")
    oldest_days = serializers.IntegerField(allow_null=True)
    last_activity_at = serializers.DateTimeField(allow_null=True)
    next_evaluation_date = serializers.DateField(allow_null=True)
    maximum = serializers.IntegerField(allow_null=True)
    is_member = serializers.BooleanField(help_text="Still an active process director of the house.")
    cases = WorkloadCaseSerializer(many=True, help_text="Core staff only; empty for the house manager.")


class WorkloadSerializer(Serializer[Any]):
    house_id = serializers.IntegerField(source="house.pk")
    active_cases = serializers.IntegerField(source="house_active")
    maximum_per_director = serializers.IntegerField(source="limits.per_director", allow_null=True)
    maximum_for_house = serializers.IntegerField(source="limits.per_house", allow_null=True)
    directors = DirectorLoadSerializer(many=True)


class WorkloadView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The workload per process director of a house (core staff; the house manager gets the "
                           "figures without the cases)", tags=["caseload"], parameters=[HOUSE_ID],
                   responses=WorkloadSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        return Response(WorkloadSerializer(selectors.workload(actor=request.user, house_id=house_id)).data)


class DirectorMonthsSerializer(Serializer[Any]):
    director_id = serializers.IntegerField(allow_null=True, help_text="Null: cases without a process director.")
    name = serializers.CharField()
    counts = serializers.ListField(child=serializers.IntegerField(), help_text="One count per month, as `months`.")


class LoadHistorySerializer(Serializer[Any]):
    house_id = serializers.IntegerField(source="house.pk")
    months = serializers.ListField(child=serializers.DateField(), help_text="The first day of each month.")
    directors = DirectorMonthsSerializer(many=True)
    totals = serializers.ListField(child=serializers.IntegerField())
    maximum_per_director = serializers.IntegerField(source="per_director", allow_null=True)
    maximum_for_house = serializers.IntegerField(source="per_house", allow_null=True)


class WorkloadHistoryView(SnakeCaseKwargsAPIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = LoadHistoryFilter
    queryset = Case.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Active cases per process director at the end of each month (house manager, core "
                           "staff)", tags=["caseload"], parameters=[HOUSE_ID], responses=LoadHistorySerializer)
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        months = filter_values(LoadHistoryFilter, request.query_params)["months"]
        data = history.load_history(actor=request.user, house_id=house_id, months=int(months) if months else 12)
        return Response(LoadHistorySerializer(data).data)
