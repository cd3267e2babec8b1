"""A database outage answers with a clean 503 (Dutch page, or problem+json for the API).

Errors raised by a view reach `process_exception`. Errors raised by an inner middleware (loading
the session or the user, saving the session) are turned into a 500 by Django before they reach
us; the `got_request_exception` receiver marks such requests so the 500 becomes a 503 as well.
The page is rendered without the request context: context processors would query the database.
The broken connection is closed at the end of the request and, with `conn_health_checks`, a
later request opens a fresh one when the database is back.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_MARK = "_opencasus_database_outage"


def is_database_outage(exc: BaseException | None) -> bool:
    """True for connection-level database errors, also when wrapped in another exception."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DATABASE_ERRORS):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def outage_response(request: HttpRequest) -> HttpResponse:
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({
                "type": "https://opencasus.invalid/problems/database-unavailable",
                "title": "Dienst tijdelijk niet beschikbaar.",
                "status": 503,
                "detail": _("The database cannot be reached at the moment. Try again in a little while."),
            }, status=503, content_type="application/problem+json")
            response["API-Version"] = str(settings.SPECTACULAR_SETTINGS["VERSION"])
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception)
def _mark_outage(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    if request is not None and is_database_outage(sys.exc_info()[1]):
        setattr(request, _MARK, True)


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _MARK, False):
            return outage_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_outage(exception):
            return None
        logger.error("Database unavailable while handling %s %s: %s", request.method, request.path,
                     type(exception).__name__)
        setattr(request, _MARK, True)
        return outage_response(request)
