"""API authentication: `Authorization: Bearer <token>` for professionals and system clients.

Tokens (django-rest-knox; only a hash is stored) are only issued after the second factor
(`POST /api/v1/tokens`, or the token page of a verified session) or, for system clients, by a
functional administrator with an end date. A professional's token ends after REST_KNOX["TOKEN_TTL"]
without use; a system client's token is not extended by use. Session authentication for the API
also requires a verified second factor.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from knox.auth import TokenAuthentication
from rest_framework import authentication, exceptions
from rest_framework.request import Request


class BearerTokenAuthentication(TokenAuthentication):
    def renew_token(self, auth_token: Any) -> None:
        """A professional's token stays alive while used; a system client's ends on its set date."""
        if auth_token.user.is_system_client:
            return
        super().renew_token(auth_token)


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        require = getattr(settings, "OPENCASUS_REQUIRE_SECOND_FACTOR", True)
        if require and not getattr(request._request.user, "is_verified", lambda: False)():
            raise exceptions.NotAuthenticated("A verified second factor is required.")
        return result

    def authenticate_header(self, request: Request) -> str:
        return "Bearer"
