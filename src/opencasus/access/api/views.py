from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.access import roles
from opencasus.core.api.serializers import Serializer


class GrantSerializer(Serializer[object]):
    house_id = serializers.IntegerField()
    organisation_id = serializers.IntegerField()
    role = serializers.CharField()
    municipality_id = serializers.IntegerField(allow_null=True)


class MeView(APIView):
    @extend_schema(
        summary="The caller's account and roles",
        tags=["account"],
        responses=inline_serializer("Me", {
            "id": serializers.IntegerField(help_text="The caller's user id (as named in participants and owners)."),
            "username": serializers.CharField(),
            "fullName": serializers.CharField(),
            "isSystemClient": serializers.BooleanField(),
            "grants": GrantSerializer(many=True),
        }),
    )
    def get(self, request: Request) -> Response:
        user = request.user
        assert user is not None
        assert user.is_authenticated
        return Response({
            "id": user.pk,
            "username": user.get_username(),
            "full_name": user.get_full_name(),
            "is_system_client": user.is_system_client,
            "grants": GrantSerializer(roles.grants(user), many=True).data,
        })
