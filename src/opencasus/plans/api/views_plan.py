"""API: the plan of a case, its versions, adoption, evaluations and the PDF."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.plans import selectors, services
from opencasus.plans.api import serializers as s
from opencasus.plans.api._common import organisation, user
from opencasus.plans.document import plan_pdf
from opencasus.plans.models import Plan

CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case")


def _plan_data(case: Any, plan: Plan | None) -> dict[str, Any]:
    if plan is None:
        return {"case_id": case.pk, "version": 0, "director_organisation_id": None, "director_organisation_name": None,
                "director_user_id": None, "director_user_name": None, "evaluation_date": None, "adopted_version": 0,
                "changed_since_adoption": False, "goals": [], "interventions": [], "agreements": [],
                "updated_at": None}
    return dict(s.PlanSerializer(plan).data)


class PlanView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The action plan of a case", tags=["plans"], parameters=[CASE_ID],
                   responses=s.PlanSerializer)
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        case, _level, plan = selectors.plan_view(actor=request.user, case_id=case_id)
        return with_etag(Response(_plan_data(case, plan)), plan.version if plan else 0)

    @extend_schema(summary="Replace the plan's director, evaluation date, goals and interventions (core staff)",
                   tags=["plans"], parameters=[CASE_ID, IF_MATCH], request=s.PlanWriteSerializer,
                   responses=s.PlanSerializer)
    def put(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.core_case(actor=request.user, case_id=case_id)
        ser = s.PlanWriteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        plan = services.plan_replace(
            actor=request.user, case_id=case_id, expected_version=required_version(request, data),
            director_organisation=organisation(data.get("director_organisation_id"), "directorOrganisationId"),
            director_user=user(data.get("director_user_id"), "directorUserId"),
            evaluation_date=data.get("evaluation_date"),
            goals=[{"id": g.get("id"), "life_domain": g["life_domain"], "description": g["description"],
                    "person": g.get("person_id")} for g in data["goals"]],
            interventions=[{"id": i.get("id"), "line": i["line"], "description": i["description"],
                            "organisation": organisation(i["organisation_id"], "interventions.organisationId"),
                            "person": i.get("person_id")} for i in data["interventions"]])
        plan.refresh_from_db()
        return with_etag(Response(s.PlanSerializer(plan).data), plan.version)


class PlanVersionsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The adopted versions of the plan (newest first)", tags=["plans"], parameters=[CASE_ID],
                   responses=s.PlanVersionSerializer(many=True))
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        _case, versions = selectors.version_list(actor=request.user, case_id=case_id)
        return Response(s.PlanVersionSerializer(versions, many=True).data)


class PlanAdoptView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Adopt the plan as its next version (core staff)", tags=["plans"],
                   parameters=[CASE_ID, IF_MATCH], request=s.AdoptSerializer,
                   responses={201: s.PlanVersionSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.core_case(actor=request.user, case_id=case_id)
        ser = s.AdoptSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        adopted = services.plan_adopt(
            actor=request.user, case_id=case_id, expected_version=optional_version(request, data),
            meeting_id=data.get("meeting_id"), note=data.get("note", ""))
        return Response(s.PlanVersionSerializer(adopted).data, status=status.HTTP_201_CREATED)


class PlanEvaluationsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Evaluations of the plan", tags=["plans"], parameters=[CASE_ID],
                   responses=s.EvaluationSerializer(many=True))
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        _case, plan = selectors.plan_evaluations(actor=request.user, case_id=case_id)
        evaluations = list(plan.evaluations.prefetch_related("results")) if plan else []
        return Response(s.EvaluationSerializer(evaluations, many=True).data)

    @extend_schema(summary="Record an evaluation: the result per goal (core staff)", tags=["plans"],
                   parameters=[CASE_ID], request=s.EvaluationCreateSerializer,
                   responses={201: s.EvaluationSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.core_case(actor=request.user, case_id=case_id)
        ser = s.EvaluationCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        evaluation = services.evaluation_record(
            actor=request.user, case_id=case_id, evaluated_on=data["evaluated_on"], note=data.get("note", ""),
            next_evaluation_date=data.get("next_evaluation_date"),
            results=[dict(r) for r in data["results"]])
        return Response(s.EvaluationSerializer(evaluation).data, status=status.HTTP_201_CREATED)


class PlanPdfView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The plan as PDF, showing only what the caller may see (logged as an export)",
                   tags=["plans"], parameters=[CASE_ID],
                   responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF")})
    def get(self, request: AuthenticatedRequest, case_id: int) -> HttpResponse:
        data, case = plan_pdf(actor=request.user, case_id=case_id)
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="plan-van-aanpak-{case.reference}.pdf"'
        return response
