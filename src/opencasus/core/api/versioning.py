"""Every API response states the full API version (API Design Rules: version header)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def api_version() -> str:
    return str(settings.SPECTACULAR_SETTINGS["VERSION"])


class ApiVersionHeaderMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = api_version()
        return response
