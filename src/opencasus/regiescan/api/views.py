"""API of the regie scan: a municipality officer's scans (start, answer, submit, results) and the house's
questionnaire (house manager, functional administrator). Hidden answers 404 like missing."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.unset import UNSET
from opencasus.regiescan import selectors, services
from opencasus.regiescan.api import serializers as s
from opencasus.regiescan.filters import ScanFilter
from opencasus.regiescan.models import Submission

TAGS = ["regie-scan"]


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


SCAN_ID = _id("regieScanId", "The regie scan")
HOUSE_ID = _id("houseId", "The house")
THEME_ID = _id("themeId", "The theme")
QUESTION_ID = _id("questionId", "The question")


def _scan(request: AuthenticatedRequest, scan_id: int, *, code: int = 200) -> Response:
    view = selectors.scan_get(actor=request.user, scan_id=scan_id)
    return with_etag(Response(s.RegieScanSerializer(selectors.scan_json(view)).data, status=code), view.version)


class ScanListView(SnakeCaseKwargsAPIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = ScanFilter
    pagination_class = Pagination
    queryset = Submission.objects.none()

    @extend_schema(summary="Regie scans the reader may see (their municipality's, or the house manager's house)",
                   tags=TAGS, responses=s.RegieScanSummarySerializer(many=True), operation_id="regie_scans_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(ScanFilter, request.query_params)
        year = values["year"]
        scans = selectors.scan_list(actor=request.user, house_id=values["houseId"],
                                    year=int(year) if year is not None else None, status=values["status"] or None)
        paginator = Pagination()
        page: list[Any] = paginator.paginate_queryset(scans, request, view=self) or []
        return paginator.get_paginated_response(s.RegieScanSummarySerializer(page, many=True).data)

    @extend_schema(summary="Start the regie scan of a year (a municipality officer; one per municipality, house "
                           "and year)", tags=TAGS, request=s.RegieScanStartSerializer,
                   responses={201: s.RegieScanSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        incoming = s.RegieScanStartSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        submission = services.scan_start(actor=request.user, house_id=d["house_id"],
                                         municipality_id=selectors.municipality_id_for(d["municipality_code"]),
                                         year=d["year"])
        return _scan(request, submission.pk, code=status.HTTP_201_CREATED)


class ScanDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A regie scan with its scores per theme, the region's average (suppressed below the "
                           "threshold), tips and the municipality's trend", tags=TAGS, parameters=[SCAN_ID],
                   responses=s.RegieScanSerializer)
    def get(self, request: AuthenticatedRequest, regie_scan_id: int) -> Response:
        return _scan(request, regie_scan_id)


class ScanAnswersView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Save answers of a draft scan (the municipality officer)", tags=TAGS,
                   parameters=[SCAN_ID, IF_MATCH], request=s.RegieScanAnswersInSerializer,
                   responses=s.RegieScanSerializer)
    def put(self, request: AuthenticatedRequest, regie_scan_id: int) -> Response:
        selectors.scan_check(actor=request.user, scan_id=regie_scan_id)
        incoming = s.RegieScanAnswersInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        answers = {a["question_id"]: a["value"] for a in incoming.validated_data["answers"]}
        services.scan_answers_save(actor=request.user, scan_id=regie_scan_id, answers=answers,
                                   expected_version=required_version(request, incoming.validated_data))
        return _scan(request, regie_scan_id)


class ScanSubmissionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Submit a scan whose every question is answered (final)", tags=TAGS,
                   parameters=[SCAN_ID, IF_MATCH], request=s.RegieScanSubmitInSerializer,
                   responses=s.RegieScanSerializer)
    def post(self, request: AuthenticatedRequest, regie_scan_id: int) -> Response:
        selectors.scan_check(actor=request.user, scan_id=regie_scan_id)
        incoming = s.RegieScanSubmitInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.scan_submit(actor=request.user, scan_id=regie_scan_id,
                             expected_version=optional_version(request, incoming.validated_data))
        return _scan(request, regie_scan_id)


def _questionnaire(request: AuthenticatedRequest, house_id: int) -> Response:
    qn = selectors.config_get(actor=request.user, house_id=house_id)
    return Response(s.RegieScanQuestionnaireSerializer(selectors.questionnaire_json(qn)).data)


class QuestionnaireView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The house's regie scan questionnaire (house manager, functional administrator)",
                   tags=TAGS, parameters=[HOUSE_ID], responses=s.RegieScanQuestionnaireSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        return _questionnaire(request, house_id)


class SettingsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Change the scale and the tip threshold of the house's regie scan", tags=TAGS,
                   parameters=[HOUSE_ID, IF_MATCH], request=s.RegieScanSettingsSerializer,
                   responses=s.RegieScanQuestionnaireSerializer)
    def put(self, request: AuthenticatedRequest, house_id: int) -> Response:
        selectors.config_get(actor=request.user, house_id=house_id)
        incoming = s.RegieScanSettingsSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        services.settings_update(actor=request.user, house_id=house_id, scale_points=d["scale_points"],
                                 tip_below=d["tip_below"], expected_version=required_version(request, d))
        return _questionnaire(request, house_id)


class ThemeListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Add a theme to the house's regie scan", tags=TAGS, parameters=[HOUSE_ID],
                   request=s.RegieScanThemeSerializer, responses={201: s.RegieScanQuestionnaireSerializer})
    def post(self, request: AuthenticatedRequest, house_id: int) -> Response:
        selectors.config_get(actor=request.user, house_id=house_id)
        incoming = s.RegieScanThemeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        services.theme_save(actor=request.user, house_id=house_id, theme_id=None, name=d["name"], tip=d["tip"],
                            active=d["active"], position=d.get("position", UNSET))
        response = _questionnaire(request, house_id)
        response.status_code = status.HTTP_201_CREATED
        return response


class ThemeView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Change a theme of the house's regie scan (name, tips, place, in use)", tags=TAGS,
                   parameters=[HOUSE_ID, THEME_ID, IF_MATCH], request=s.RegieScanThemeSerializer,
                   responses=s.RegieScanQuestionnaireSerializer)
    def put(self, request: AuthenticatedRequest, house_id: int, theme_id: int) -> Response:
        selectors.theme_for_config(actor=request.user, house_id=house_id, theme_id=theme_id)
        incoming = s.RegieScanThemeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        services.theme_save(actor=request.user, house_id=house_id, theme_id=theme_id, name=d["name"], tip=d["tip"],
                            active=d["active"], position=d.get("position", UNSET),
                            expected_version=required_version(request, d))
        return _questionnaire(request, house_id)


class QuestionListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Add a question to a theme of the house's regie scan", tags=TAGS, parameters=[HOUSE_ID],
                   request=s.RegieScanQuestionSerializer, responses={201: s.RegieScanQuestionnaireSerializer})
    def post(self, request: AuthenticatedRequest, house_id: int) -> Response:
        selectors.config_get(actor=request.user, house_id=house_id)
        incoming = s.RegieScanQuestionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        services.question_save(actor=request.user, house_id=house_id, question_id=None, theme_id=d["theme_id"],
                               text=d["text"], weight=d["weight"], active=d["active"])
        response = _questionnaire(request, house_id)
        response.status_code = status.HTTP_201_CREATED
        return response


class QuestionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Change a question of the house's regie scan (text, theme, weight, in use)", tags=TAGS,
                   parameters=[HOUSE_ID, QUESTION_ID, IF_MATCH], request=s.RegieScanQuestionSerializer,
                   responses=s.RegieScanQuestionnaireSerializer)
    def put(self, request: AuthenticatedRequest, house_id: int, question_id: int) -> Response:
        selectors.question_for_config(actor=request.user, house_id=house_id, question_id=question_id)
        incoming = s.RegieScanQuestionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        services.question_save(actor=request.user, house_id=house_id, question_id=question_id,
                               theme_id=d["theme_id"], text=d["text"], weight=d["weight"], active=d["active"],
                               expected_version=required_version(request, d))
        return _questionnaire(request, house_id)
