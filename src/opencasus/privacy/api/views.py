"""The privacy API. Only privacy officers reach it (404 for anyone else); every call is logged."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from opencasus.access import privacy as privacy_access
from opencasus.accounts.typing import AuthenticatedRequest, signed_in_user
from opencasus.core.api.filters import FilterBackend, FilterSet, filter_values
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.logbook.models import Action, ProcessingRecord
from opencasus.network.models import House
from opencasus.privacy import selectors, services
from opencasus.privacy.api import serializers as s
from opencasus.privacy.filters import (
    HOUSE_ID_HELP,
    LogVerificationFilter,
    ProcessingLogFilter,
    RetentionPolicyFilter,
    RetentionRunFilter,
    RightsRequestFilter,
    SubjectAccessRequestFilter,
)
from opencasus.privacy.models import LogVerification, RetentionPolicy, RetentionRun, RightsRequest, SubjectAccessRequest

# Read by each list's FilterSet; named here as well so the document keeps its description (an `IdFilter` has none).
HOUSE_PARAM = OpenApiParameter("houseId", {"type": "integer", "minimum": 1}, description=HOUSE_ID_HELP)
TAG = ["privacy"]


class IsPrivacyOfficer(permissions.BasePermission):
    """Anyone who is not a privacy officer anywhere gets 404, as for a missing resource."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not privacy_access.is_privacy_officer(signed_in_user(request)):
            raise exceptions.NotFound
        return True


class PrivacyViewSet(viewsets.GenericViewSet):  # type: ignore[type-arg]
    permission_classes = [permissions.IsAuthenticated, IsPrivacyOfficer]
    request: AuthenticatedRequest
    filter_backends = [FilterBackend]
    filterset_class: type[FilterSet]  # each list's own, with `houseId`

    def query_house(self) -> House | None:
        value = filter_values(self.filterset_class, self.request.query_params)["houseId"]
        return privacy_access.privacy_house_get(actor=self.request.user, house_id=value) if value else None

    def body_house(self, value: Any) -> House:
        return privacy_access.privacy_house_get(actor=self.request.user, house_id=value)

    def record_view(self, house: House | None, object_type: str, object_id: Any = "", action: str = Action.VIEW,
                    data_subjects: Any = ("",)) -> None:
        """What was shown, logged by the selector: for `house`, or for every house of the privacy officer."""
        houses = [house] if house is not None else list(privacy_access.privacy_houses(actor=self.request.user))
        selectors.record_privacy_view(actor=self.request.user, houses=houses, action=action,
                                      object_type=object_type, object_id=object_id, data_subjects=data_subjects)

    object_type = ""


class LoggedList:
    """A list whose every call is logged (one record per house, no data subjects in lists)."""

    def list(self: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        self.record_view(self.query_house(), self.object_type)
        page = self.paginate_queryset(queryset)
        serializer = self.get_serializer(page if page is not None else queryset, many=True)
        return self.get_paginated_response(serializer.data) if page is not None else Response(serializer.data)


class LoggedRetrieve:
    """A detail read by its `*_get` selector, which logs it with the persons it concerns."""

    def read_detail(self, pk: int) -> Any:
        raise NotImplementedError

    def retrieve(self: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.read_detail(self.get_object().pk)
        response = Response(self.get_serializer(instance).data)
        version = getattr(instance, "version", None)
        return with_etag(response, version) if version is not None else response


@extend_schema_view(list=extend_schema(summary="Search the processing log", tags=TAG))
class ProcessingLogViewSet(PrivacyViewSet):
    serializer_class = s.ProcessingRecordSerializer
    queryset = ProcessingRecord.objects.none()
    object_type = "processing-log"

    filterset_class = ProcessingLogFilter

    def filters(self) -> selectors.LogFilters:
        values = filter_values(ProcessingLogFilter, self.request.query_params)
        subject = values["dataSubject"]
        return selectors.LogFilters(
            data_subjects=[str(subject)] if subject else None, user_id=values["userId"],
            organisation_id=values["organisationId"], case_id=values["caseId"], action=values["action"] or "",
            from_date=values["fromDate"], to_date=values["toDate"])

    def get_queryset(self) -> QuerySet[ProcessingRecord]:
        house = self.query_house()
        houses = [house] if house else list(privacy_access.privacy_houses(actor=self.request.user))
        filters = self.filters()
        qs = selectors.processing_log_search(house=houses[0], filters=filters)
        for other in houses[1:]:
            qs = qs | selectors.processing_log_search(house=other, filters=filters)
        return qs.order_by(*selectors.log_order(filters))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filters = self.filters()
        house = self.query_house()
        page = self.paginate_queryset(self.get_queryset())
        self.record_view(house, self.object_type, action=Action.SEARCH, data_subjects=filters.data_subjects or [""])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema_view(
    list=extend_schema(summary="Retention periods of your houses", tags=TAG, parameters=[HOUSE_PARAM]),
    retrieve=extend_schema(summary="One retention period", tags=TAG),
)
class RetentionPolicyViewSet(LoggedList, LoggedRetrieve, PrivacyViewSet):
    serializer_class = s.RetentionPolicySerializer
    queryset = RetentionPolicy.objects.none()
    filterset_class = RetentionPolicyFilter
    object_type = "retention-policy"

    def read_detail(self, pk: int) -> Any:
        return selectors.retention_policy_get(actor=self.request.user, policy_id=pk)

    def get_queryset(self) -> QuerySet[RetentionPolicy]:
        return selectors.retention_policy_list(actor=self.request.user, house=self.query_house())


@extend_schema_view(
    list=extend_schema(summary="Retention runs (dry and real)", tags=TAG, parameters=[HOUSE_PARAM]),
    retrieve=extend_schema(summary="One retention run with what went (or would go) and when", tags=TAG),
    create=extend_schema(summary="Start a dry run: list what would be deleted on a date; deletes nothing",
                         tags=TAG),
)
class RetentionRunViewSet(LoggedList, LoggedRetrieve, mixins.CreateModelMixin,
                          PrivacyViewSet):
    serializer_class = s.RetentionRunSerializer
    queryset = RetentionRun.objects.none()
    filterset_class = RetentionRunFilter
    object_type = "retention-run"

    def read_detail(self, pk: int) -> Any:
        return selectors.retention_run_get(actor=self.request.user, run_id=pk)

    def get_queryset(self) -> QuerySet[RetentionRun]:
        return selectors.retention_run_list(actor=self.request.user, house=self.query_house())

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        house = self.body_house(serializer.validated_data["house_id"])
        run = services.retention_dry_run(actor=self.request.user, house=house,
                                         run_date=serializer.validated_data.get("run_date"))
        return Response(self.get_serializer(run).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Access requests (AVG art. 15)", tags=TAG, parameters=[HOUSE_PARAM]),
    retrieve=extend_schema(summary="One access request", tags=TAG),
    create=extend_schema(summary="Register an access request and find the person (BSN, or name and birth date)",
                         tags=TAG),
)
class SubjectAccessRequestViewSet(LoggedList, LoggedRetrieve, mixins.CreateModelMixin,
                                  PrivacyViewSet):
    serializer_class = s.SubjectAccessRequestSerializer
    queryset = SubjectAccessRequest.objects.none()
    filterset_class = SubjectAccessRequestFilter
    object_type = "subject-access-request"

    def read_detail(self, pk: int) -> Any:
        return selectors.subject_access_request_get(actor=self.request.user, request_id=pk)

    def get_queryset(self) -> QuerySet[SubjectAccessRequest]:
        return selectors.subject_access_request_list(actor=self.request.user, house=self.query_house())

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        house = self.body_house(data["house_id"])
        sar = services.subject_access_request_create(
            actor=self.request.user, house=house, requester_name=data["requester_name"],
            received_on=data["received_on"], bsn=data.get("bsn", ""), first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""), date_of_birth=data.get("birth_date"))
        return Response(self.get_serializer(sar).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Everything the house holds about the person, as JSON (the export is logged)",
                   tags=TAG, responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="The export")})
    @action(detail=True, methods=["get"], url_path="export")
    def export(self, request: AuthenticatedRequest, pk: str | None = None) -> Response:
        export, _content = services.subject_access_export(actor=request.user, request=self.get_object(), fmt="json")
        return Response(export)

    @extend_schema(summary="The same export as PDF (the export is logged)", tags=TAG,
                   responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="PDF")})
    @action(detail=True, methods=["get"], url_path="export-pdf")
    def export_pdf(self, request: AuthenticatedRequest, pk: str | None = None) -> HttpResponse:
        sar = self.get_object()
        _export, content = services.subject_access_export(actor=request.user, request=sar, fmt="pdf")
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="inzage-{sar.pk}.pdf"'
        return response


@extend_schema_view(
    list=extend_schema(summary="Rights requests with their deadlines", tags=TAG, parameters=[HOUSE_PARAM]),
    retrieve=extend_schema(summary="One rights request", tags=TAG),
    create=extend_schema(summary="Register a rights request (deadline: one month after receipt)", tags=TAG),
    partial_update=extend_schema(summary="Record the handling (optimistic locking on version)", tags=TAG,
                                 parameters=[IF_MATCH], request=s.RightsRequestHandleSerializer),
)
class RightsRequestViewSet(LoggedList, LoggedRetrieve, mixins.CreateModelMixin,
                           mixins.UpdateModelMixin, PrivacyViewSet):
    serializer_class = s.RightsRequestSerializer
    queryset = RightsRequest.objects.none()
    filterset_class = RightsRequestFilter
    object_type = "rights-request"

    def read_detail(self, pk: int) -> Any:
        return selectors.rights_request_get(actor=self.request.user, request_id=pk)

    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[RightsRequest]:
        return selectors.rights_request_list(actor=self.request.user, house=self.query_house(),
                                             open_only=bool(filter_values(RightsRequestFilter,
                                                                          self.request.query_params)["open"]))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        house = self.body_house(data["house_id"])
        item = services.rights_request_create(
            actor=self.request.user, house=house, kind=data["kind"], requester_name=data["requester_name"],
            received_on=data["received_on"], description=data["description"],
            pseudonyms=[str(p) for p in data.get("pseudonyms", [])])
        return Response(self.get_serializer(item).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        item = self.get_object()
        handle = s.RightsRequestHandleSerializer(data=request.data)
        handle.is_valid(raise_exception=True)
        data = handle.validated_data
        item = services.rights_request_update(
            actor=self.request.user, request_id=item.pk, expected_version=required_version(request, data),
            status=data["status"], handling=data["handling"], decided_on=data["decided_date"],
            extended_until=data["extended_until_date"], extension_reason=data["extension_reason"])
        return with_etag(Response(self.get_serializer(item).data), item.version)


@extend_schema_view(
    list=extend_schema(summary="Verifications of your house's processing log", tags=TAG, parameters=[HOUSE_PARAM]),
    create=extend_schema(summary="Verify the house's processing log now", tags=TAG,
                         request=s.HouseInputSerializer, responses={201: s.LogVerificationSerializer}),
)
class LogVerificationViewSet(LoggedList, mixins.CreateModelMixin, PrivacyViewSet):
    serializer_class = s.LogVerificationSerializer
    queryset = LogVerification.objects.none()
    filterset_class = LogVerificationFilter
    object_type = "log-verification"

    def _house(self) -> House:
        house = self.query_house()
        if house is None:
            houses = list(privacy_access.privacy_houses(actor=self.request.user))
            if len(houses) != 1:
                raise exceptions.ValidationError({"houseId": _("Give the house.")})
            house = houses[0]
        return house

    def get_queryset(self) -> QuerySet[LogVerification]:
        return selectors.log_verification_list(actor=self.request.user, house=self._house())

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        if self.action == "list" and not getattr(self, "swagger_fake_view", False):
            context["chain"] = self._house().pk
        return context

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = s.HouseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        house = self.body_house(data.validated_data["house_id"])
        verification = services.verification_run(actor=self.request.user, house=house)
        serializer = s.LogVerificationSerializer(verification, context={"chain": house.pk})
        return Response(serializer.data, status=status.HTTP_201_CREATED)

