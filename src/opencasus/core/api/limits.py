"""Limits on an API request before any view reads it: a body larger than `DATA_UPLOAD_MAX_MEMORY_SIZE`
answers 413 problem+json (the pages keep Django's own refusal, a Dutch 400 page). A file upload
(multipart) may be as large as `OPENCASUS_MAX_UPLOAD_REQUEST_BYTES`: an attachment itself may be 10 MB,
and the service refuses a file above that with a 400 that names the field."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from opencasus.core.api.problems import problem_json


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class ApiRequestLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data"):
            limit = getattr(settings, "OPENCASUS_MAX_UPLOAD_REQUEST_BYTES", limit)
        if request.path.startswith("/api/") and limit is not None and declared_length(request) > limit:
            return problem_json(413, _("The request body is larger than %(limit)s bytes.") % {"limit": limit})
        return self.get_response(request)
