"""Request-wide context (trace ids, client address) and security headers."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

TRACEPARENT_RE = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")


@dataclass(frozen=True)
class RequestContext:
    trace_id: str
    span_id: str
    parent_span_id: str
    client_address: str


_current: ContextVar[RequestContext | None] = ContextVar("opencasus_request_context", default=None)


def new_span_id() -> str:
    return secrets.token_hex(8)


def current_context() -> RequestContext:
    """The context of the request being handled, or a fresh one outside requests (jobs, commands)."""
    ctx = _current.get()
    if ctx is None:
        ctx = RequestContext(secrets.token_hex(16), new_span_id(), "", "")
        _current.set(ctx)
    return ctx


def set_context(ctx: RequestContext | None) -> None:
    _current.set(ctx)


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


class RequestContextMiddleware:
    """Accepts a W3C `traceparent` from partner systems so their processing links to ours."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = TRACEPARENT_RE.match(request.headers.get("traceparent", "").strip().lower())
        if match and match.group(1) != "0" * 32:
            trace_id, parent = match.group(1), match.group(2)
        else:
            trace_id, parent = secrets.token_hex(16), ""
        ctx = RequestContext(trace_id, new_span_id(), parent, client_address(request))
        token = _current.set(ctx)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["traceparent"] = f"00-{ctx.trace_id}-{ctx.span_id}-01"
        return response


class SecurityHeadersMiddleware:
    """Pages for signed-in users may hold personal data: never cache them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class RejectNulBytesMiddleware:
    """A NUL byte in the address or a query parameter is never valid input (PostgreSQL cannot store
    it): answer 400 (problem+json under /api/) instead of failing deeper down."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any("\x00" in k or any("\x00" in v for v in vs)
                                         for k, vs in request.GET.lists()):
            from django.http import HttpResponseBadRequest

            from opencasus.core.api.problems import problem_json

            if request.path.startswith("/api/"):
                return problem_json(400, _("The request contains a NUL character."))
            return HttpResponseBadRequest(_("Invalid input: the request contains a NUL character."))
        return self.get_response(request)


def axes_username(request: HttpRequest, credentials: dict[str, object] | None = None) -> str:
    """The username as django-axes records it: at most 150 characters, like the user model's field."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value)[:150]
