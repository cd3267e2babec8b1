"""API of the webhooks: subscriptions of system clients, the delivery log and dead letters (functional
administrator of the house). Every read goes through `webhooks.selectors`; hidden answers 404."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, optional_version, with_etag
from opencasus.webhooks import selectors, services
from opencasus.webhooks.api import serializers as s
from opencasus.webhooks.models import Delivery, Subscription

TAGS = ["webhooks"]
SUBSCRIPTION_ID = OpenApiParameter("subscriptionId", OpenApiTypes.INT, OpenApiParameter.PATH,
                                   description="The subscription")
DELIVERY_ID = OpenApiParameter("deliveryId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The delivery")
STATUS = OpenApiParameter("status", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                          description="pending, delivered, retrying or dead")


def _page(view: APIView, request: AuthenticatedRequest, qs: Any, serializer: Any) -> Response:
    paginator = Pagination()
    page: list[Any] = paginator.paginate_queryset(qs, request, view=view) or []
    return paginator.get_paginated_response(serializer(page, many=True).data)


class SubscriptionListView(APIView):
    pagination_class = Pagination
    queryset = Subscription.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Webhook subscriptions (functional administrator of the house)", tags=TAGS,
                   responses=s.SubscriptionSerializer(many=True), operation_id="webhook_subscriptions_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        return _page(self, request, selectors.subscription_list(actor=request.user), s.SubscriptionSerializer)

    @extend_schema(summary="Subscribe a system client of the house to events; the answer shows the secret once",
                   tags=TAGS, request=s.SubscriptionCreateSerializer, responses={201: s.SubscriptionCreatedSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = s.SubscriptionCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        subscription, _secret = services.subscription_create(
            actor=request.user, house_id=data["house_id"], client_id=data["client_id"], url=data["url"],
            event_types=data["event_types"])
        return with_etag(Response(s.SubscriptionCreatedSerializer(subscription).data, status=status.HTTP_201_CREATED),
                         subscription.version)


class SubscriptionDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One webhook subscription", tags=TAGS, parameters=[SUBSCRIPTION_ID],
                   responses=s.SubscriptionSerializer)
    def get(self, request: AuthenticatedRequest, subscription_id: int) -> Response:
        subscription = selectors.subscription_get(actor=request.user, subscription_id=subscription_id)
        return with_etag(Response(s.SubscriptionSerializer(subscription).data), subscription.version)

    @extend_schema(summary="Pause or resume a subscription", tags=TAGS, parameters=[SUBSCRIPTION_ID, IF_MATCH],
                   request=s.SubscriptionPauseSerializer, responses=s.SubscriptionSerializer)
    def patch(self, request: AuthenticatedRequest, subscription_id: int) -> Response:
        selectors.subscription_get(actor=request.user, subscription_id=subscription_id)
        ser = s.SubscriptionPauseSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        subscription = services.subscription_set_paused(
            actor=request.user, subscription_id=subscription_id, paused=ser.validated_data["paused"],
            version=optional_version(request, ser.validated_data))
        return with_etag(Response(s.SubscriptionSerializer(subscription).data), subscription.version)

    @extend_schema(summary="End a subscription", tags=TAGS, parameters=[SUBSCRIPTION_ID], responses={204: None})
    def delete(self, request: AuthenticatedRequest, subscription_id: int) -> Response:
        selectors.subscription_get(actor=request.user, subscription_id=subscription_id)
        services.subscription_delete(actor=request.user, subscription_id=subscription_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeliveryListView(APIView):
    pagination_class = Pagination
    queryset = Delivery.objects.none()

    @extend_schema(summary="Webhook deliveries (status=dead: the dead letters)", tags=TAGS, parameters=[STATUS],
                   responses=s.DeliverySerializer(many=True), operation_id="webhook_deliveries_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        qs = selectors.delivery_list(actor=request.user, status=request.query_params.get("status") or None)
        return _page(self, request, qs, s.DeliverySerializer)


class DeliveryAttemptsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The delivery log of one delivery: every attempt", tags=TAGS, parameters=[DELIVERY_ID],
                   responses=s.AttemptSerializer(many=True), operation_id="webhook_delivery_attempts_list")
    def get(self, request: AuthenticatedRequest, delivery_id: int) -> Response:
        attempts = selectors.attempt_list(actor=request.user, delivery_id=delivery_id)
        return Response(s.AttemptSerializer(attempts, many=True).data)


class DeliveryRetryView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Retry a dead letter now", tags=TAGS, parameters=[DELIVERY_ID], request=None,
                   responses={202: s.DeliverySerializer})
    def post(self, request: AuthenticatedRequest, delivery_id: int) -> Response:
        selectors.delivery_get(actor=request.user, delivery_id=delivery_id)
        delivery = services.dead_letter_retry(actor=request.user, delivery_id=delivery_id)
        return Response(s.DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)
