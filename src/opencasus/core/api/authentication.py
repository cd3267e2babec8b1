"""API authentication: `Authorization: Bearer <token>` for professionals and system clients.

Tokens are only issued after the second factor (accounts.views.api_token) or, for system
clients, by a functional administrator. Session authentication for the API also requires a
verified second factor.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import authentication, exceptions
from rest_framework.request import Request


class BearerTokenAuthentication(authentication.TokenAuthentication):
    keyword = "Bearer"


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
