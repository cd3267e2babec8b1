"""Everyone who can see personal data must have passed the second factor (TOTP)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

OPEN_PREFIXES = ("/inloggen", "/uitloggen", "/tweede-factor", "/static/", "/api/", "/gezondheid")


def second_factor_required() -> bool:
    return bool(getattr(settings, "OPENCASUS_REQUIRE_SECOND_FACTOR", True))


class SecondFactorRequiredMiddleware:
    """Signed-in users without a verified second factor reach only login, logout and enrolment.

    The API is excluded here because it authenticates with tokens that are only issued to
    users who passed the second factor (see accounts.views.api_token); session-authenticated
    API calls are checked in `opencasus.core.api.authentication`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and second_factor_required()
            and not user.is_verified()  # type: ignore[attr-defined]
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                return redirect("accounts:verify")
            return redirect("accounts:enrol")
        return self.get_response(request)


SESSION_TOUCHED_KEY = "_touched"


class SessionIdleMiddleware:
    """A session ends after SESSION_COOKIE_AGE seconds without use; using it keeps it alive.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) would do that, at the cost
    of a database write per request. A session that is used is written at most once per
    SESSION_TOUCH_SECONDS instead, which moves its expiry forward; the idle limit is then met to
    within that many seconds. Requests without a session (API tokens) are not touched.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - int(session.get(SESSION_TOUCHED_KEY, 0)) >= settings.SESSION_TOUCH_SECONDS:
                session[SESSION_TOUCHED_KEY] = now
        return response


class UserLanguageMiddleware:
    """The interface language is the signed-in professional's own choice (`User.language`), Dutch for
    everyone else; the browser's Accept-Language header is not consulted."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = settings.LANGUAGE_CODE
        if user is not None and user.is_authenticated:
            chosen = getattr(user, "language", "") or ""
            if chosen in dict(settings.LANGUAGES):
                language = chosen
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or language)
        return response
