"""Everyone who can see personal data must have passed the second factor (TOTP)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
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
