"""API: the case director's plan proposals (draft, propose, withdraw) and their adoption or return.

A proposal someone may not see answers 404 like a missing one (`opencasus.access.plan_proposals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, required_version, with_etag
from opencasus.plans.api import serializers_direction as s
from opencasus.plans.api.serializers import PlanVersionSerializer
from opencasus.plans.selectors_direction import proposal_get, proposal_list
from opencasus.plans.services.direction import (
    AgreementRow,
    GoalRow,
    InterventionRow,
    proposal_adopt,
    proposal_return,
    proposal_start,
    proposal_submit,
    proposal_update,
    proposal_withdraw,
)

if TYPE_CHECKING:
    pass

CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case")
PROPOSAL_ID = OpenApiParameter("proposalId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The proposal")
TAGS = ["plans"]



def _proposal(proposal_id: int, request: AuthenticatedRequest) -> Response:
    proposal, _access = proposal_get(actor=request.user, proposal_id=proposal_id)
    return with_etag(Response(s.ProposalSerializer(proposal).data), proposal.version)


class ProposalListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The plan proposals of a case (the case director and core staff; empty for others)",
                   tags=TAGS, parameters=[CASE_ID], responses=s.ProposalSerializer(many=True))
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        _case, _access, proposals = proposal_list(actor=request.user, case_id=case_id)
        return Response(s.ProposalSerializer(proposals, many=True).data)

    @extend_schema(summary="Start a draft of the plan's next version from the plan as it stands (case director)",
                   tags=TAGS, parameters=[CASE_ID], request=None, responses={201: s.ProposalSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        proposal = proposal_start(actor=request.user, case_id=case_id)
        response = Response(s.ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)
        return with_etag(response, proposal.version)


class ProposalDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One plan proposal", tags=TAGS, parameters=[PROPOSAL_ID], responses=s.ProposalSerializer)
    def get(self, request: AuthenticatedRequest, proposal_id: int) -> Response:
        return _proposal(proposal_id, request)

    @extend_schema(summary="Replace the draft's goals, interventions and agreements (case director)", tags=TAGS,
                   parameters=[PROPOSAL_ID, IF_MATCH], request=s.ProposalWriteSerializer,
                   responses=s.ProposalSerializer)
    def put(self, request: AuthenticatedRequest, proposal_id: int) -> Response:
        proposal_get(actor=request.user, proposal_id=proposal_id)
        ser = s.ProposalWriteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data: dict[str, Any] = ser.validated_data
        proposal = proposal_update(
            actor=request.user, proposal_id=proposal_id, expected_version=required_version(request, data),
            explanation=data.get("explanation", ""),
            goals=[GoalRow(id=g.get("id"), life_domain=g["life_domain"], description=g["description"],
                           person_id=g.get("person_id")) for g in data["goals"]],
            interventions=[InterventionRow(id=i.get("id"), line=i["line"], description=i["description"],
                                           organisation_id=i["organisation_id"], person_id=i.get("person_id"))
                           for i in data["interventions"]],
            agreements=[AgreementRow(id=a.get("id"), description=a["description"],
                                     owner_organisation_id=a["owner_organisation_id"],
                                     owner_user_id=a.get("owner_user_id"), deadline=a["deadline"])
                        for a in data["agreements"]])
        return with_etag(Response(s.ProposalSerializer(proposal).data), proposal.version)


class ProposalSubmissionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Propose the draft for adoption (case director)", tags=TAGS,
                   parameters=[PROPOSAL_ID, IF_MATCH], request=s.ProposalActionSerializer,
                   responses=s.ProposalSerializer)
    def post(self, request: AuthenticatedRequest, proposal_id: int) -> Response:
        proposal_get(actor=request.user, proposal_id=proposal_id)
        ser = s.ProposalActionSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        proposal = proposal_submit(actor=request.user, proposal_id=proposal_id,
                                   expected_version=optional_version(request, ser.validated_data))
        return with_etag(Response(s.ProposalSerializer(proposal).data), proposal.version)


class ProposalWithdrawalView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Withdraw an open proposal (case director)", tags=TAGS,
                   parameters=[PROPOSAL_ID, IF_MATCH], request=s.ProposalActionSerializer,
                   responses=s.ProposalSerializer)
    def post(self, request: AuthenticatedRequest, proposal_id: int) -> Response:
        proposal_get(actor=request.user, proposal_id=proposal_id)
        ser = s.ProposalActionSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        proposal = proposal_withdraw(actor=request.user, proposal_id=proposal_id,
                                     expected_version=optional_version(request, ser.validated_data))
        return with_etag(Response(s.ProposalSerializer(proposal).data), proposal.version)


class ProposalReturnView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Send a proposal back to draft with a note (core staff)", tags=TAGS,
                   parameters=[PROPOSAL_ID, IF_MATCH], request=s.ProposalReturnSerializer,
                   responses=s.ProposalSerializer)
    def post(self, request: AuthenticatedRequest, proposal_id: int) -> Response:
        proposal_get(actor=request.user, proposal_id=proposal_id)
        ser = s.ProposalReturnSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        proposal = proposal_return(actor=request.user, proposal_id=proposal_id,
                                   expected_version=optional_version(request, ser.validated_data),
                                   note=ser.validated_data["note"])
        return with_etag(Response(s.ProposalSerializer(proposal).data), proposal.version)


class ProposalAdoptionView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Adopt a proposal as the plan's next version (core staff)", tags=TAGS,
                   parameters=[PROPOSAL_ID, IF_MATCH], request=s.ProposalAdoptSerializer,
                   responses={201: PlanVersionSerializer})
    def post(self, request: AuthenticatedRequest, proposal_id: int) -> Response:
        proposal_get(actor=request.user, proposal_id=proposal_id)
        ser = s.ProposalAdoptSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        adopted = proposal_adopt(actor=request.user, proposal_id=proposal_id,
                                 expected_version=optional_version(request, data),
                                 meeting_id=data.get("meeting_id"), note=data.get("note", ""))
        return Response(PlanVersionSerializer(adopted).data, status=status.HTTP_201_CREATED)
