"""API tokens in the API: issue one after password and second factor, list and revoke them, and (for the
functional administrator) issue a system client's token with an end date."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from knox.models import AuthToken
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from opencasus.accounts import selectors as account_selectors
from opencasus.accounts import tokens
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.problems import problem_response
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.network import grants


class TokenSerializer(ModelSerializer):  # type: ignore[type-arg]
    token_key = serializers.CharField(read_only=True, help_text="The first characters of the token; it names it")
    user = serializers.CharField(source="user.username", read_only=True)
    system_client = serializers.BooleanField(source="user.is_system_client", read_only=True)

    class Meta:
        model = AuthToken
        fields = ["token_key", "user", "system_client", "created", "expiry"]
        read_only_fields = fields


class IssuedTokenSerializer(TokenSerializer):
    token = serializers.CharField(read_only=True, help_text="The token itself: shown this once only")

    class Meta(TokenSerializer.Meta):
        fields = ["token", *TokenSerializer.Meta.fields]
        read_only_fields = fields


class TokenRequestSerializer(Serializer):  # type: ignore[type-arg]
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    totp_code = serializers.RegexField(r"^[0-9]{6}$", error_messages={
        "invalid": "Geef de zes cijfers uit uw authenticator-app."})


class SystemTokenRequestSerializer(Serializer):  # type: ignore[type-arg]
    user_id = serializers.IntegerField(min_value=1)
    expires_on = serializers.DateField()


def _issued(instance: AuthToken, raw: str) -> dict[str, Any]:
    data = dict(TokenSerializer(instance).data)
    data["token"] = raw
    return data


@extend_schema_view(
    list=extend_schema(summary="Your live API tokens, and those of the accounts you administer", tags=["accounts"]),
    destroy=extend_schema(summary="Revoke an API token", tags=["accounts"]),
)
class TokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    request: AuthenticatedRequest
    serializer_class = TokenSerializer
    lookup_field = "token_key"
    lookup_value_regex = "[A-Za-z0-9]{1,64}"

    def get_queryset(self) -> QuerySet[AuthToken]:
        return tokens.tokens_visible(actor=self.request.user,
                                     administered=grants.administered_user_ids(self.request.user))

    def perform_destroy(self, instance: AuthToken) -> None:
        tokens.token_revoke(actor=self.request.user, token=instance)

    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.action == "create" else list(super().get_permissions())

    def get_authenticators(self) -> list[Any]:
        if self.request is not None and self.request.method == "POST" and self.request.path.endswith("/tokens"):
            return []
        return super().get_authenticators()

    throttle_scope = "token"

    @extend_schema(summary="Issue an API token with username, password and the second factor", tags=["accounts"],
                   request=TokenRequestSerializer, auth=[],
                   responses={201: IssuedTokenSerializer, 400: OpenApiResponse(description="Bad input"),
                              401: OpenApiResponse(description="Wrong credentials or code"),
                              429: OpenApiResponse(description="Too many attempts")})
    def create(self, request: AuthenticatedRequest) -> Response:
        body = TokenRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        # Only attempts with well-formed credentials count against the limit (bad input is refused first).
        throttle = ScopedRateThrottle()
        if not throttle.allow_request(request, self):
            raise exceptions.Throttled(throttle.wait())
        user = authenticate(request._request, username=data["username"], password=data["password"])
        if getattr(request._request, "axes_locked_out", False):
            # The lockout is recorded; the API answers it itself (problem+json), not axes' HTML page.
            request._request.axes_locked_out = False  # type: ignore[attr-defined]
            return problem_response(429, "Te veel mislukte pogingen. Probeer het later opnieuw.", code="locked")
        refused = problem_response(401, "Gebruikersnaam, wachtwoord of code is niet juist.", code="credentials")
        if user is None:
            return refused
        device = account_selectors.confirmed_totp_device(user)
        if device is None:
            return refused
        allowed, _info = device.verify_is_allowed()
        if not allowed or not device.verify_token(data["totp_code"]):
            return refused
        instance, raw = tokens.token_issue(actor=user, user=user)
        return Response(_issued(instance, raw), status=status.HTTP_201_CREATED)


@extend_schema_view(create=extend_schema(
    summary="Issue a system client's API token with an end date (functional administrator)", tags=["accounts"],
    request=SystemTokenRequestSerializer, responses={201: IssuedTokenSerializer}))
class SystemTokenViewSet(viewsets.GenericViewSet):  # type: ignore[type-arg]
    serializer_class = SystemTokenRequestSerializer

    def create(self, request: AuthenticatedRequest) -> Response:
        body = SystemTokenRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        client = account_selectors.user_find(body.validated_data["user_id"])
        if client is None:
            raise exceptions.NotFound
        try:
            instance, raw = tokens.system_token_issue(actor=request.user, client=client,
                                                      administered=grants.administered_user_ids(request.user),
                                                      expires_on=body.validated_data["expires_on"])
        except tokens.TokenError as exc:
            field = {"user": "user_id"}.get(exc.field, exc.field or "non_field_errors")
            raise exceptions.ValidationError({field: [str(exc.message)]}) from exc
        return Response(_issued(instance, raw), status=status.HTTP_201_CREATED)
