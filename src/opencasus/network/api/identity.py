"""API of a house's identity providers (functional administrator). The client secret is written, never read."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.pagination import Pagination
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.network.identity import selectors, services
from opencasus.network.identity.models import IdentityProvider, MatchField

TAGS = ["identity providers"]
PROVIDER_ID = OpenApiParameter("providerId", OpenApiTypes.INT, OpenApiParameter.PATH,
                               description="The identity provider")
TOKEN_LIST = serializers.ListField(child=serializers.CharField(max_length=100), max_length=20, required=False,
                                   help_text="acr or amr values of the ID token that count as a second factor.")


class ProviderSerializer(ModelSerializer[IdentityProvider]):
    class Meta:
        model = IdentityProvider
        fields = ["id", "house_id", "organisation_id", "issuer", "client_id", "scopes", "claim", "match_field",
                  "second_factor_values", "enabled", "created_at", "version"]
        read_only_fields = fields


class ProviderWriteSerializer(Serializer[Any]):
    organisation_id = serializers.IntegerField(min_value=1, max_value=2**31 - 1,
                                               help_text="The organisation whose staff the provider signs in.")
    issuer = serializers.CharField(max_length=500, help_text="The provider's https address (its issuer).")
    client_id = serializers.CharField(max_length=200, help_text="The client id the provider gave.")
    client_secret = serializers.CharField(max_length=500, required=False, allow_blank=True, write_only=True,
                                          help_text="The client secret; stored encrypted and never returned. "
                                                    "Left out on a change: the stored one is kept.")
    scopes = serializers.CharField(max_length=300, required=False, default="openid email",
                                   help_text="Scopes separated by spaces; openid is one of them.")
    claim = serializers.CharField(max_length=100, required=False, default="email",
                                  help_text="The claim that identifies the account.")
    match_field = serializers.ChoiceField(choices=MatchField.choices, required=False, default=MatchField.EMAIL,
                                          help_text="The account field the claim must equal.")
    second_factor_values = TOKEN_LIST
    version = serializers.IntegerField(min_value=0, required=False,
                                       help_text="The version you read (or send If-Match); on a change.")

    def provider_settings(self) -> services.ProviderSettings:
        data = self.validated_data
        return services.ProviderSettings(
            organisation_id=data["organisation_id"], issuer=data["issuer"], client_id=data["client_id"],
            client_secret=data.get("client_secret", ""), scopes=data["scopes"], claim=data["claim"],
            match_field=data["match_field"], second_factor_values=tuple(data.get("second_factor_values", [])))


class ProviderCreateSerializer(ProviderWriteSerializer):
    house_id = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text="The house.")


class ProviderEnabledSerializer(Serializer[Any]):
    enabled = serializers.BooleanField(help_text="false: the provider no longer signs anyone in.")
    version = serializers.IntegerField(min_value=0, required=False, help_text="The version you read (or If-Match).")


class ProviderListView(APIView):
    pagination_class = Pagination
    queryset = IdentityProvider.objects.none()  # names the model for the OpenAPI document; the selector reads

    @extend_schema(summary="Identity providers of the houses you administer", tags=TAGS,
                   responses=ProviderSerializer(many=True), operation_id="identity_providers_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        paginator = Pagination()
        page: list[Any] = paginator.paginate_queryset(
            selectors.provider_list(actor=request.user), request, view=self) or []
        return paginator.get_paginated_response(ProviderSerializer(page, many=True).data)

    @extend_schema(summary="Add an identity provider to a house", tags=TAGS, request=ProviderCreateSerializer,
                   responses={201: ProviderSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        ser = ProviderCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        provider = services.provider_create(actor=request.user, house_id=ser.validated_data["house_id"],
                                            config=ser.provider_settings())
        return with_etag(Response(ProviderSerializer(provider).data, status=status.HTTP_201_CREATED),
                         provider.version)


class ProviderDetailView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One identity provider", tags=TAGS, parameters=[PROVIDER_ID],
                   responses=ProviderSerializer)
    def get(self, request: AuthenticatedRequest, provider_id: int) -> Response:
        provider = selectors.provider_get(actor=request.user, provider_id=provider_id)
        return with_etag(Response(ProviderSerializer(provider).data), provider.version)

    @extend_schema(summary="Change an identity provider", tags=TAGS, parameters=[PROVIDER_ID, IF_MATCH],
                   request=ProviderWriteSerializer, responses=ProviderSerializer)
    def put(self, request: AuthenticatedRequest, provider_id: int) -> Response:
        ser = self._valid(request, provider_id, ProviderWriteSerializer)
        return self._answer(services.provider_update(actor=request.user, provider_id=provider_id,
                                                     config=ser.provider_settings(),
                                                     version=required_version(request, ser.validated_data)))

    @extend_schema(summary="Enable or disable an identity provider", tags=TAGS, parameters=[PROVIDER_ID, IF_MATCH],
                   request=ProviderEnabledSerializer, responses=ProviderSerializer)
    def patch(self, request: AuthenticatedRequest, provider_id: int) -> Response:
        ser = self._valid(request, provider_id, ProviderEnabledSerializer)
        return self._answer(services.provider_set_enabled(actor=request.user, provider_id=provider_id,
                                                          enabled=ser.validated_data["enabled"],
                                                          version=required_version(request, ser.validated_data)))

    @staticmethod
    def _valid(request: AuthenticatedRequest, provider_id: int, serializer: type[Any]) -> Any:
        """404 before the body is read for a provider the caller does not administer; then the body."""
        selectors.provider_get(actor=request.user, provider_id=provider_id)
        ser = serializer(data=request.data)
        ser.is_valid(raise_exception=True)
        return ser

    @staticmethod
    def _answer(provider: IdentityProvider) -> Response:
        return with_etag(Response(ProviderSerializer(provider).data), provider.version)
