from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views import defaults

from opencasus.core.api.problems import problem_json
from opencasus.core.start import start_sections


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """The start page: what each of the user's roles needs first."""
    return render(request, "core/start.html", {"sections": start_sections(request.user)})


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(static("opencasus/favicon.svg"))


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 for addresses no route matches: problem+json under /api/, the Dutch page elsewhere."""
    if request.path.startswith("/api/"):
        return problem_json(404, _("There is nothing at this address."))
    return defaults.page_not_found(request, exception or Http404(), template_name="404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """500: problem+json under /api/; the page is rendered without database access."""
    if request.path.startswith("/api/"):
        return problem_json(500, _("Something went wrong on our side. The error has been logged."))
    return HttpResponseServerError(render_to_string("500.html"))

