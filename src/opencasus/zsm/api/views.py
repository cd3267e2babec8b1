"""The ZSM advice of a case (core staff; a process director writes) and the ZSM table's question."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.zsm import selectors, services
from opencasus.zsm.api.serializers import (
    ZsmAdviceInSerializer,
    ZsmAdviceSerializer,
    ZsmQueryResultSerializer,
    ZsmQuerySerializer,
)

TAGS = ["zsm"]
CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case.")


def _shown(view: Any) -> Response:
    return with_etag(Response(ZsmAdviceSerializer(view).data), view.version)


class AdviceView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The house's ZSM advice on a case (core staff)", tags=TAGS, parameters=[CASE_ID],
                   responses=ZsmAdviceSerializer)
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        return _shown(selectors.advice_get(actor=request.user, case_id=case_id))

    @extend_schema(summary="Record or change the ZSM advice (a process director of the house; version 0 records "
                           "it)", tags=TAGS, parameters=[CASE_ID, IF_MATCH], request=ZsmAdviceInSerializer,
                   responses=ZsmAdviceSerializer)
    def put(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.advice_check(actor=request.user, case_id=case_id)  # hidden answers 404 before validation
        incoming = ZsmAdviceInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.advice_save(actor=request.user, case_id=case_id, text=incoming.validated_data["text"],
                             expected_version=required_version(request, incoming.validated_data))
        return _shown(selectors.advice_check(actor=request.user, case_id=case_id))

    @extend_schema(summary="Withdraw the ZSM advice (a process director of the house)", tags=TAGS,
                   parameters=[CASE_ID, IF_MATCH], responses={204: None})
    def delete(self, request: AuthenticatedRequest, case_id: int) -> Response:
        selectors.advice_check(actor=request.user, case_id=case_id)
        services.advice_withdraw(actor=request.user, case_id=case_id, expected_version=required_version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ZsmQueryView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Is this person known? (a ZSM system client): the advice of admitted cases that have "
                           "one, with the house's contact; nothing of any other case", tags=TAGS,
                   request=ZsmQuerySerializer, responses=ZsmQueryResultSerializer)
    def post(self, request: AuthenticatedRequest) -> Response:
        incoming = ZsmQuerySerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        answers = selectors.zsm_query(actor=request.user, bsn=d.get("bsn", ""), first_name=d.get("first_name", ""),
                                      last_name=d.get("last_name", ""), date_of_birth=d.get("date_of_birth"))
        data = {"known": bool(answers), "answers": [
            {"house_name": a.house_name, "advice": a.advice, "recorded_at": a.recorded_at,
             "contact": {"email": a.contact.email, "names": list(a.contact.names)}} for a in answers]}
        return Response(ZsmQueryResultSerializer(data).data)
