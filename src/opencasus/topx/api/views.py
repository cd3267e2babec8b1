"""API of the Top X approach: lists with their criteria, candidates (proposals and the police import), the
decision of the triage table and reviews. Every read goes through `topx.selectors` (access policy, approach
switch and processing log); a hidden record answers 404."""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.access import topx as access
from opencasus.accounts.models import User
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.parsers import MultiPartParser
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.core.unset import UNSET
from opencasus.topx import selectors, services
from opencasus.topx.api import serializers as s
from opencasus.topx.filters import CandidateFilter, TopXListFilter
from opencasus.topx.models import Candidate, TopXList

TAGS = ["topx"]
LEVEL_NAMES = {access.CandidateAccess.CORE: "core", access.CandidateAccess.PARTICIPANT: "participant",
               access.CandidateAccess.PROPOSER: "proposer"}


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


LIST_ID = _id("topxListId", "The Top X list")
CANDIDATE_ID = _id("topxCandidateId", "The candidate")
IMPORT_ID = _id("topxImportId", "The import")


def _candidate_json(actor: User, candidates: list[Candidate]) -> list[dict[str, Any]]:
    levels = selectors.candidate_levels(actor=actor, candidates=candidates)
    names = {pk: LEVEL_NAMES.get(level, "none") for pk, level in levels.items()}
    result: list[dict[str, Any]] = []
    for candidate in candidates:
        if levels[candidate.pk] > access.CandidateAccess.PROPOSER:
            result.append(s.TopxCandidateSerializer(candidate, context={"levels": names}).data)
        else:
            result.append(s.TopxCandidateStatusSerializer(candidate).data)
    return result


class TopXListListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = TopXListFilter
    pagination_class = Pagination
    queryset = TopXList.objects.none()

    @extend_schema(summary="Top X lists of the reader's houses (core staff, house manager, partners)", tags=TAGS,
                   responses=s.TopxListSerializer(many=True), operation_id="topx_lists_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(TopXListFilter, request.query_params)
        qs = selectors.topx_list_list(actor=request.user, house_id=values["houseId"],
                                      active=True if values["active"] else None)
        paginator = Pagination()
        page: list[Any] = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response(s.TopxListSerializer(page, many=True).data)

    @extend_schema(summary="Open a Top X list (core staff or house manager)", tags=TAGS,
                   request=s.TopxListCreateSerializer, responses={201: s.TopxListSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.TopxListCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        topx_list = services.topx_list_create(
            actor=request.user, house_id=data["house_id"], name=data["name"], theme=data["theme"],
            municipality_id=data["municipality_id"], review_cycle_months=data["review_cycle_months"],
            criteria=[services.CriterionData(c["text"], c["max_score"]) for c in data["criteria"]],
            exit_criteria=data["exit_criteria"])
        topx_list = selectors.topx_list_get(actor=request.user, list_id=topx_list.pk)
        return with_etag(Response(s.TopxListSerializer(topx_list).data, status=status.HTTP_201_CREATED),
                         topx_list.version)


class TopXListDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One Top X list", tags=TAGS, parameters=[LIST_ID], responses=s.TopxListSerializer)
    def get(self, request: AuthenticatedRequest, topx_list_id: int) -> Response:
        topx_list = selectors.topx_list_get(actor=request.user, list_id=topx_list_id)
        return with_etag(Response(s.TopxListSerializer(topx_list).data), topx_list.version)

    @extend_schema(summary="Change a Top X list (criteria only while nobody is scored on them)", tags=TAGS,
                   parameters=[LIST_ID, IF_MATCH], request=s.TopxListUpdateSerializer,
                   responses=s.TopxListSerializer)
    def patch(self, request: AuthenticatedRequest, topx_list_id: int) -> Response:
        topx_list = selectors.topx_list_get(actor=request.user, list_id=topx_list_id)
        ser = s.TopxListUpdateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        criteria = data.get("criteria")
        services.topx_list_update(
            actor=request.user, list_id=topx_list.pk, expected_version=required_version(request, data),
            name=data.get("name", UNSET), theme=data.get("theme", UNSET),
            review_cycle_months=data.get("review_cycle_months", UNSET), active=data.get("active", UNSET),
            criteria=UNSET if criteria is None else [services.CriterionData(c["text"], c["max_score"])
                                                     for c in criteria],
            exit_criteria=data.get("exit_criteria", UNSET))
        topx_list = selectors.topx_list_get(actor=request.user, list_id=topx_list.pk)
        return with_etag(Response(s.TopxListSerializer(topx_list).data), topx_list.version)


class CriteriaView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Inclusion and exit criteria of a Top X list", tags=TAGS, parameters=[LIST_ID],
                   responses=s.TopxCriteriaSerializer)
    def get(self, request: AuthenticatedRequest, topx_list_id: int) -> Response:
        topx_list = selectors.topx_list_get(actor=request.user, list_id=topx_list_id)
        return Response({
            "criteria": s.TopxInclusionCriterionSerializer(topx_list.criteria.all(), many=True).data,
            "exit_criteria": s.TopxExitCriterionSerializer(topx_list.exit_criteria.all(), many=True).data})


class ImportView(SnakeCaseKwargsAPIView):
    parser_classes = [MultiPartParser]

    @extend_schema(summary="Read in the police list (CSV): valid rows stored, refused rows reported (core staff)",
                   tags=TAGS, parameters=[LIST_ID], request={"multipart/form-data": s.TopxImportUploadSerializer},
                   responses={201: s.TopxCandidateImportSerializer})
    def post(self, request: AuthenticatedRequest, topx_list_id: int) -> Response:
        selectors.topx_list_get(actor=request.user, list_id=topx_list_id)
        upload = request.FILES.get("file")
        data: Any = request.data
        raw = str(data.get("organisation_id") or data.get("organisationId") or "")
        if upload is None:
            raise serializers.ValidationError({"file": [_("Choose a file.")]})
        if not raw.isdigit() or len(raw) > 12:
            raise serializers.ValidationError(
                {"organisation_id": [_("Choose the organisation that supplied the list.")]})
        job = services.candidates_import(actor=request.user, list_id=topx_list_id, organisation_id=int(raw),
                                         filename=upload.name or "", content=upload.read())
        return Response(s.TopxCandidateImportSerializer(job).data, status=status.HTTP_201_CREATED)


class ImportDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The report of an import: rows stored and refused rows with the reason", tags=TAGS,
                   parameters=[IMPORT_ID], responses=s.TopxCandidateImportSerializer)
    def get(self, request: AuthenticatedRequest, topx_import_id: int) -> Response:
        job = selectors.candidate_import_get(actor=request.user, import_id=topx_import_id)
        return Response(s.TopxCandidateImportSerializer(job).data)


class CandidateListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = CandidateFilter
    pagination_class = Pagination
    queryset = Candidate.objects.none()

    @extend_schema(summary="Top X candidates the reader may see (a proposer: the status of their own)", tags=TAGS,
                   responses=s.TopxCandidateSerializer(many=True), operation_id="topx_candidates_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(CandidateFilter, request.query_params)
        qs = selectors.candidate_list(actor=request.user, list_id=values["listId"], stage=values["stage"] or None,
                                      overdue=bool(values["overdue"]), mine=bool(values["mine"]),
                                      house_id=values["houseId"])
        paginator = Pagination()
        page: list[Candidate] = paginator.paginate_queryset(qs, request, view=self) or []
        selectors.record_candidate_list_view(actor=request.user, candidates=page)
        return paginator.get_paginated_response(_candidate_json(request.user, page))

    @extend_schema(summary="Propose a candidate with a score per criterion and a motivation", tags=TAGS,
                   request=s.TopxProposalSerializer, responses={201: s.TopxCandidateSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.TopxProposalSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        candidate = services.candidate_propose(
            actor=request.user, list_id=data["list_id"], organisation_id=data["organisation_id"],
            person=services.PersonInput(data["first_name"], data["last_name"], data["date_of_birth"], data["bsn"]),
            scores={item["position"]: item["score"] for item in data["scores"]}, motivation=data["motivation"])
        candidate = selectors.candidate_check(actor=request.user, candidate_id=candidate.pk)
        return with_etag(Response(_candidate_json(request.user, [candidate])[0], status=status.HTTP_201_CREATED),
                         candidate.version)


class CandidateDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One Top X candidate", tags=TAGS, parameters=[CANDIDATE_ID],
                   responses=s.TopxCandidateSerializer)
    def get(self, request: AuthenticatedRequest, topx_candidate_id: int) -> Response:
        candidate, _level = selectors.candidate_get(actor=request.user, candidate_id=topx_candidate_id)
        return with_etag(Response(_candidate_json(request.user, [candidate])[0]), candidate.version)


class DecisionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The triage table's decision: include (linked to a case) or not, with grounds",
                   tags=TAGS, parameters=[CANDIDATE_ID, IF_MATCH], request=s.TopxDecisionSerializer,
                   responses=s.TopxCandidateSerializer)
    def post(self, request: AuthenticatedRequest, topx_candidate_id: int) -> Response:
        selectors.candidate_check(actor=request.user, candidate_id=topx_candidate_id)
        ser = s.TopxDecisionSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        new_case = None
        if data["include"] and data["case_id"] is None:
            new_case = services.NewCase(requested_purpose=data["requested_purpose"],
                                        people_informed=data["people_informed"],
                                        not_informed_reason=data["not_informed_reason"],
                                        municipality_id=data["municipality_id"])
        services.candidate_decide(actor=request.user, candidate_id=topx_candidate_id, include=data["include"],
                                  grounds=data["grounds"], case_id=data["case_id"], new_case=new_case,
                                  expected_version=optional_version(request, data))
        candidate = selectors.candidate_check(actor=request.user, candidate_id=topx_candidate_id)
        return with_etag(Response(_candidate_json(request.user, [candidate])[0]), candidate.version)


class ReviewListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Reviews of an included person", tags=TAGS, parameters=[CANDIDATE_ID],
                   responses=s.TopxReviewSerializer(many=True), operation_id="topx_candidates_reviews_list")
    def get(self, request: AuthenticatedRequest, topx_candidate_id: int) -> Response:
        candidate, level = selectors.candidate_get(actor=request.user, candidate_id=topx_candidate_id)
        reviews = selectors.candidate_reviews(candidate=candidate) if level > access.CandidateAccess.PROPOSER else []
        return Response(s.TopxReviewSerializer(reviews, many=True).data)

    @extend_schema(summary="Record a review: stays on the list, or leaves it (exit criterion met), with grounds",
                   tags=TAGS, parameters=[CANDIDATE_ID, IF_MATCH], request=s.TopxReviewCreateSerializer,
                   responses={201: s.TopxReviewSerializer}, operation_id="topx_candidates_reviews_create")
    def post(self, request: AuthenticatedRequest, topx_candidate_id: int) -> Response:
        selectors.candidate_check(actor=request.user, candidate_id=topx_candidate_id)
        ser = s.TopxReviewCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        review = services.review_record(
            actor=request.user, candidate_id=topx_candidate_id, outcome=data["outcome"], grounds=data["grounds"],
            exit_criterion_id=data["exit_criterion_id"], reviewed_on=data["reviewed_on"],
            expected_version=optional_version(request, data))
        return Response(s.TopxReviewSerializer(review).data, status=status.HTTP_201_CREATED)
