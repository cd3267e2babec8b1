"""API of the after-care of ex-detainees. Every read goes through `aftercare.selectors` (access policy and
processing log); hidden, and everything of a house that does not run after-care, answers 404."""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.access import aftercare as access
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.aftercare import selectors, services
from opencasus.aftercare.api import serializers as s
from opencasus.aftercare.filters import FiguresFilter, ItemFilter, ReleaseFilter
from opencasus.aftercare.models import ExpectedRelease, TimelineItem
from opencasus.aftercare.selectors import TimelineView
from opencasus.aftercare.vocabulary import BASIC_CONDITIONS
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.parsers import MultiPartParser
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.unset import UNSET

TAGS = ["aftercare"]


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


CASE_ID = _id("caseId", "The case")
ITEM_ID = _id("itemId", "The after-care item")
RELEASE_ID = _id("releaseId", "The expected release")
IMPORT_ID = _id("importId", "The import")
HOUSE_ID = _id("houseId", "The house")
YEAR = OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.QUERY, required=False,
                        description="The year (default: this year)")


def _timeline_json(view: TimelineView) -> dict[str, Any]:
    return {"case_id": view.case.pk, "release_date": view.case.release_date, "exists": view.timeline is not None,
            "editable": view.may_edit, "items": s.TimelineItemSerializer(view.items, many=True).data,
            "version": view.timeline.version if view.timeline else 0}


class CaseTimelineView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The after-care timeline of a case (participants and core staff)", tags=TAGS,
                   parameters=[CASE_ID], responses=s.TimelineSerializer, operation_id="aftercare_timeline_retrieve")
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        view = selectors.case_timeline(actor=request.user, case_id=case_id)
        data = _timeline_json(view)
        return with_etag(Response(data), data["version"])

    @extend_schema(summary="Set or change the expected release date (core staff); open deadlines move along, "
                           "version 0 draws the timeline up", tags=TAGS, parameters=[CASE_ID, IF_MATCH],
                   request=s.ReleaseDateSerializer, responses=s.TimelineSerializer,
                   operation_id="aftercare_timeline_partial_update")
    def patch(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.case_timeline_check(actor=request.user, case_id=case_id, edit=True)
        ser = s.ReleaseDateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.release_date_set(actor=request.user, case_id=case_id,
                                  release_date=ser.validated_data["release_date"],
                                  expected_version=required_version(request, ser.validated_data))
        view = selectors.case_timeline(actor=request.user, case_id=case_id)
        data = _timeline_json(view)
        return with_etag(Response(data), data["version"])


def _page(view: APIView, request: AuthenticatedRequest, qs: Any) -> tuple[Pagination, list[Any]]:
    paginator = Pagination()
    page: list[Any] = paginator.paginate_queryset(qs, request, view=view) or []
    return paginator, page


class ItemListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ItemFilter
    pagination_class = Pagination
    queryset = TimelineItem.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="After-care items of the caller's houses (core staff): deadlines passed or this week",
                   tags=TAGS, responses=s.TimelineItemSerializer(many=True), operation_id="aftercare_items_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ItemFilter, request.query_params)
        qs = selectors.item_list(actor=request.user, due=values["due"] or None, status=values["status"] or None,
                                 house_id=values["houseId"])
        paginator, page = _page(self, request, qs)
        selectors.record_item_list_view(actor=request.user, items=page)
        return paginator.get_paginated_response(s.TimelineItemSerializer(page, many=True).data)


class ItemDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One after-care item (core staff)", tags=TAGS, parameters=[ITEM_ID],
                   responses=s.TimelineItemSerializer)
    def get(self, request: AuthenticatedRequest, item_id: int) -> Response:
        item = selectors.item_get(actor=request.user, item_id=item_id)
        return with_etag(Response(s.TimelineItemSerializer(item).data), item.version)

    @extend_schema(summary="Change an item's owner, deadline, status or note (core staff)", tags=TAGS,
                   parameters=[ITEM_ID, IF_MATCH], request=s.ItemUpdateSerializer, responses=s.TimelineItemSerializer)
    def patch(self, request: AuthenticatedRequest, item_id: int) -> Response:
        selectors.require_item(actor=request.user, item_id=item_id)
        ser = s.ItemUpdateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        item = services.item_update(
            actor=request.user, item_id=item_id,
            owner_organisation_id=d.get("owner_organisation_id", UNSET), owner_user_id=d.get("owner_user_id", UNSET),
            deadline=d.get("deadline", UNSET), status=d.get("status", UNSET), note=d.get("note", UNSET),
            expected_version=required_version(request, d))
        return with_etag(Response(s.TimelineItemSerializer(item).data), item.version)


class HandoverView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Record the warm hand-over: by whom, to whom, done or not (core staff)", tags=TAGS,
                   parameters=[ITEM_ID, IF_MATCH], request=s.HandoverSerializer, responses=s.TimelineItemSerializer)
    def post(self, request: AuthenticatedRequest, item_id: int) -> Response:
        selectors.require_item(actor=request.user, item_id=item_id)
        ser = s.HandoverSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        item = services.handover_record(actor=request.user, item_id=item_id, by_organisation_id=d["by_organisation_id"],
                                        to_organisation_id=d["to_organisation_id"], done=d["done"],
                                        note=d.get("note", ""), expected_version=optional_version(request, d))
        return with_etag(Response(s.TimelineItemSerializer(item).data), item.version)


class ReleaseListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ReleaseFilter
    pagination_class = Pagination
    queryset = ExpectedRelease.objects.none()

    @extend_schema(summary="Expected releases of the next twelve weeks: core staff their houses', an after-care "
                           "coordinator their municipality's", tags=TAGS,
                   responses=s.ExpectedReleaseSerializer(many=True), operation_id="expected_releases_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ReleaseFilter, request.query_params)
        qs = selectors.release_list(actor=request.user, match=values["match"] or None,
                                    municipality_id=values["municipalityId"], house_id=values["houseId"])
        paginator, page = _page(self, request, qs)
        selectors.record_release_list_view(actor=request.user, releases=page)
        context = {"core_house_ids": access.core_house_ids(request.user)}
        return paginator.get_paginated_response(s.ExpectedReleaseSerializer(page, many=True, context=context).data)


class ReleaseDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One expected release", tags=TAGS, parameters=[RELEASE_ID],
                   responses=s.ExpectedReleaseSerializer)
    def get(self, request: AuthenticatedRequest, release_id: int) -> Response:
        release = selectors.release_get(actor=request.user, release_id=release_id)
        context = {"core_house_ids": access.core_house_ids(request.user)}
        return Response(s.ExpectedReleaseSerializer(release, context=context).data)


class ReleaseIntakeView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="File an after-care intake for an expected release without a case", tags=TAGS,
                   parameters=[RELEASE_ID], request=s.ReleaseIntakeSerializer,
                   responses={201: s.CreatedCaseSerializer})
    def post(self, request: AuthenticatedRequest, release_id: int) -> Response:
        selectors.require_release(actor=request.user, release_id=release_id)
        ser = s.ReleaseIntakeSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        case = services.release_intake_file(
            actor=request.user, release_id=release_id, organisation_id=d["organisation_id"], reason=d["reason"],
            requested_purpose=d["requested_purpose"], people_informed=d["people_informed"],
            not_informed_reason=d.get("not_informed_reason", ""))
        return Response({"case_id": case.pk, "reference": case.reference}, status=status.HTTP_201_CREATED)


class ReleaseImportListView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(summary="Import expected releases (CSV from DJI/DPAN): refused rows are reported, nothing of "
                           "them stored", tags=TAGS, request={"multipart/form-data": s.ReleaseUploadSerializer},
                   responses={201: s.ReleaseImportSerializer}, operation_id="release_imports_create")
    def post(self, request: AuthenticatedRequest) -> Response:
        upload = request.FILES.get("file")
        data: Any = request.data
        raw_house = str(data.get("house_id") or data.get("houseId") or "")
        if upload is None or not raw_house.isdigit() or not 0 < int(raw_house) < 2**63:
            raise serializers.ValidationError({"file": [_("Choose a file and a house (houseId).")]})
        job = services.release_import(actor=request.user, house_id=int(raw_house),
                                      filename=upload.name or "import.csv", content=upload.read())
        return Response(s.ReleaseImportSerializer(job).data, status=status.HTTP_201_CREATED)


class ReleaseImportDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The report of an import", tags=TAGS, parameters=[IMPORT_ID],
                   responses=s.ReleaseImportSerializer)
    def get(self, request: AuthenticatedRequest, import_id: int) -> Response:
        job = selectors.import_get(actor=request.user, import_id=import_id)
        return Response(s.ReleaseImportSerializer(job).data)


def _settings_json(view: selectors.SettingsView) -> dict[str, Any]:
    data: dict[str, Any] = {f"{kind}_days": view.days_before[kind] for kind in BASIC_CONDITIONS}
    data.update({"check_weeks": view.check_weeks, "version": view.version})
    return data


class SettingsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The after-care offsets of a house (version 0 before the first save)", tags=TAGS,
                   parameters=[HOUSE_ID], responses=s.SettingsSerializer,
                   operation_id="aftercare_settings_retrieve")
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        view = selectors.settings_get(actor=request.user, house_id=house_id)
        return with_etag(Response(_settings_json(view)), view.version)

    @extend_schema(summary="Set the after-care offsets (house manager, functional administrator)", tags=TAGS,
                   parameters=[HOUSE_ID, IF_MATCH], request=s.SettingsSerializer, responses=s.SettingsSerializer,
                   operation_id="aftercare_settings_update")
    def put(self, request: AuthenticatedRequest, house_id: int) -> Response:
        access.require_settings(request.user, house_id, write=True)
        ser = s.SettingsSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        services.settings_update(actor=request.user, house_id=house_id,
                                 days_before={str(k): d[f"{k}_days"] for k in BASIC_CONDITIONS},
                                 check_weeks=d["check_weeks"], expected_version=required_version(request, d))
        view = selectors.settings_get(actor=request.user, house_id=house_id)
        return with_etag(Response(_settings_json(view)), view.version)


class FiguresView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="After-care in figures: releases, basic conditions met on time, warm hand-overs done "
                           "(suppressed counts)", tags=TAGS, parameters=[HOUSE_ID, YEAR],
                   responses=s.FiguresSerializer, operation_id="aftercare_figures_retrieve")
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        values = filter_values(FiguresFilter, request.query_params)
        year = values["year"] or timezone.localdate().year
        if not 2000 <= year <= 2100:
            raise serializers.ValidationError({"year": [_("Give a year between 2000 and 2100.")]})
        f = selectors.figures(actor=request.user, house_id=house_id, year=year)
        counts = {name: getattr(f, name).as_json() for name in (
            "releases", "conditions_due", "conditions_on_time", "handovers_due", "handovers_done", "checks_done")}
        return Response({"house_id": f.house_id, "municipality_id": f.municipality_id, "year": f.year, **counts})
