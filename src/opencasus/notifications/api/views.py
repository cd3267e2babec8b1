"""The notifications API: the caller's own notifications only; another user's is missing (404)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.notifications import selectors, services
from opencasus.notifications.api.serializers import NotificationSerializer, NotificationUpdateSerializer
from opencasus.notifications.filters import NotificationFilter
from opencasus.notifications.models import Notification


@extend_schema_view(
    list=extend_schema(summary="My notifications, newest first", tags=["notifications"]),
    retrieve=extend_schema(summary="One of my notifications", tags=["notifications"]),
    partial_update=extend_schema(summary="Mark one of my notifications read", tags=["notifications"],
                                 request=NotificationUpdateSerializer, responses=NotificationSerializer),
)
class NotificationViewSet(viewsets.GenericViewSet[Notification]):
    request: AuthenticatedRequest
    lookup_value_regex = "[0-9]+"
    serializer_class = NotificationSerializer
    filter_backends = [FilterBackend]
    filterset_class = NotificationFilter
    queryset = Notification.objects.none()  # names the model for the OpenAPI document; the selector reads

    def get_queryset(self) -> Any:
        unread = bool(filter_values(NotificationFilter, self.request.query_params)["unread"])
        return selectors.notification_list(actor=self.request.user, unread_only=unread)

    def list(self, request: AuthenticatedRequest) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        selectors.record_notification_list_view(actor=request.user, notifications=page)
        return self.get_paginated_response(NotificationSerializer(page, many=True).data)

    def retrieve(self, request: AuthenticatedRequest, pk: str) -> Response:
        notification = self.get_object()
        return Response(NotificationSerializer(notification).data)

    def partial_update(self, request: AuthenticatedRequest, pk: str) -> Response:
        incoming = NotificationUpdateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        notification = services.notification_mark_read(actor=request.user, notification_id=int(pk))
        return Response(NotificationSerializer(notification).data)
