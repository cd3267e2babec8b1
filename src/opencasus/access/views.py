"""The house switcher in the page header."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from opencasus.access.houses import choose_house


@login_required
@require_POST
def house_switch(request: HttpRequest) -> HttpResponse:
    """Choose the house to work in (or all of one's houses); lists follow the choice. A house the user has
    no role in is not found."""
    raw = request.POST.get("house", "").strip()
    if raw and not raw.isdigit():
        raise Http404
    if raw and choose_house(request, int(raw)) is None:
        raise Http404
    if not raw:
        choose_house(request, None)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = ""
    return redirect(target or "core:start")
