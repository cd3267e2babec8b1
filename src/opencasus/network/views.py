from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.network import selectors


@login_required
def network_overview(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    context = selectors.network_overview(actor=request.user, house_id=house_id)
    return render(request, "network/overview.html", context)
