from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from opencasus.access import roles
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.network import selectors


@login_required
def network_overview(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    context = selectors.network_overview(actor=request.user, house_id=house_id)
    record_processing(
        action=Action.VIEW, activity_code="network", purpose="Netwerkoverzicht van het huis",
        who=roles.who(request.user, house_id), house_id=house_id, object_type="house", object_id=house_id,
    )
    return render(request, "network/overview.html", context)
