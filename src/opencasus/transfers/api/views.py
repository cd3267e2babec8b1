"""API of transfers between houses and of co-direction. Every read goes through `transfers.selectors` (access
policy and processing log of both houses); hidden answers 404."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, with_etag
from opencasus.transfers import selectors, services
from opencasus.transfers.api import serializers as s
from opencasus.transfers.filters import TransferFilter
from opencasus.transfers.models import Transfer

TAGS = ["transfers"]


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


TRANSFER_ID = _id("transferId", "The transfer")
CASE_ID = _id("caseId", "The case")
CO_DIRECTOR_ID = _id("coDirectorId", "The co-direction")
ITEM_ID = _id("informationItemId", "The information item")


def _answer(transfer: Transfer, code: int = status.HTTP_200_OK) -> Response:
    transfer = selectors.transfer_items_loaded(transfer)
    return with_etag(Response(s.TransferSerializer(transfer).data, status=code), transfer.version)


class TransferListView(APIView):
    filter_backends: ClassVar[list[Any]] = [FilterBackend]
    filterset_class = TransferFilter
    pagination_class = Pagination
    queryset = Transfer.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Transfers of and to the caller's houses", tags=TAGS,
                   responses=s.TransferSerializer(many=True), operation_id="transfers_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(TransferFilter, request.query_params)
        qs = selectors.transfer_list(actor=request.user, direction=values["direction"] or None,
                                     status=values["status"] or None)
        qs = qs.prefetch_related("information_items__organisation")
        paginator = Pagination()
        page: list[Any] = paginator.paginate_queryset(qs, request, view=self) or []
        selectors.record_transfer_list_view(actor=request.user, transfers=page)
        return paginator.get_paginated_response(s.TransferSerializer(page, many=True).data)

    @extend_schema(summary="Propose a transfer of an admitted case to another house (process direction)",
                   tags=TAGS, request=s.TransferProposeSerializer, responses={201: s.TransferSerializer},
                   operation_id="transfers_create")
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.TransferProposeSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        transfer = services.transfer_propose(
            actor=request.user, case_id=d["case_id"], to_house_id=d["to_house_id"], reason=d["reason"],
            move_date=d["move_date"], include_purpose=d["include_purpose"], include_plan=d["include_plan"],
            information_item_ids=d["information_item_ids"])
        return _answer(transfer, status.HTTP_201_CREATED)


class TransferDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One transfer: the summary of what goes along (never the sending house's case)",
                   tags=TAGS, parameters=[TRANSFER_ID], responses=s.TransferSerializer)
    def get(self, request: AuthenticatedRequest, transfer_id: int) -> Response:
        return _answer(selectors.transfer_get(actor=request.user, transfer_id=transfer_id))


class TransferAcceptanceView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Accept the transfer (a process director of the receiving house)", tags=TAGS,
                   parameters=[TRANSFER_ID, IF_MATCH], request=s.TransferAcceptSerializer,
                   responses=s.TransferSerializer)
    def post(self, request: AuthenticatedRequest, transfer_id: int) -> Response:
        ser = s.TransferAcceptSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        transfer = services.transfer_accept(
            actor=request.user, transfer_id=transfer_id, reason=d.get("reason", ""),
            municipality_id=d.get("municipality_id"), expected_version=optional_version(request, d))
        return _answer(transfer)


class TransferRefusalView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Decline the transfer with a reason (a process director of the receiving house)",
                   tags=TAGS, parameters=[TRANSFER_ID, IF_MATCH], request=s.TransferDeclineSerializer,
                   responses=s.TransferSerializer)
    def post(self, request: AuthenticatedRequest, transfer_id: int) -> Response:
        ser = s.TransferDeclineSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        transfer = services.transfer_decline(actor=request.user, transfer_id=transfer_id, reason=d["reason"],
                                             expected_version=optional_version(request, d))
        return _answer(transfer)


class TransferabilityView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Mark one's own information item as (not) going along with a transfer", tags=TAGS,
                   parameters=[ITEM_ID], request=s.TransferabilitySerializer,
                   responses=s.TransferabilityResultSerializer)
    def put(self, request: AuthenticatedRequest, information_item_id: int) -> Response:
        ser = s.TransferabilitySerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        item = services.information_item_mark_transferable(
            actor=request.user, item_id=information_item_id, transferable=ser.validated_data["transferable"])
        return Response(s.TransferabilityResultSerializer({"id": item.pk, "transferable": item.transferable}).data)


class CoDirectorListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Co-directors of a case from other houses (core level)", tags=TAGS,
                   parameters=[CASE_ID], responses=s.CoDirectorSerializer(many=True),
                   operation_id="case_co_directors_list")
    def get(self, request: AuthenticatedRequest, case_id: int) -> Response:
        _case, items = selectors.co_director_list(actor=request.user, case_id=case_id)
        return Response(s.CoDirectorSerializer(items, many=True).data)

    @extend_schema(summary="Add a process director of another house as co-director", tags=TAGS,
                   parameters=[CASE_ID], request=s.CoDirectorAddSerializer, responses={201: s.CoDirectorSerializer},
                   operation_id="case_co_directors_create")
    def post(self, request: AuthenticatedRequest, case_id: int) -> Response:
        ser = s.CoDirectorAddSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        co = services.co_director_add(actor=request.user, case_id=case_id, user_id=ser.validated_data["user_id"],
                                      house_id=ser.validated_data["house_id"])
        return Response(s.CoDirectorSerializer(co).data, status=status.HTTP_201_CREATED)


class CoDirectorDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="End a co-direction", tags=TAGS, parameters=[CASE_ID, CO_DIRECTOR_ID],
                   responses={204: None})
    def delete(self, request: AuthenticatedRequest, case_id: int, co_director_id: int) -> Response:
        selectors.co_director_require(actor=request.user, case_id=case_id, co_director_id=co_director_id)
        services.co_director_end(actor=request.user, co_director_id=co_director_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CoParticipantView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A co-director names an organisation of their house as participant", tags=TAGS,
                   parameters=[CASE_ID, CO_DIRECTOR_ID], request=s.CoParticipantAddSerializer,
                   responses={201: s.CoParticipantSerializer})
    def post(self, request: AuthenticatedRequest, case_id: int, co_director_id: int) -> Response:
        ser = s.CoParticipantAddSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        participant = services.co_participant_add(
            actor=request.user, case_id=case_id, co_director_id=co_director_id,
            organisation_id=ser.validated_data["organisation_id"], user_id=ser.validated_data.get("user_id"))
        return Response(s.CoParticipantSerializer({
            "id": participant.pk, "case_id": participant.case_id, "organisation_id": participant.organisation_id,
            "user_id": participant.user_id}).data, status=status.HTTP_201_CREATED)


