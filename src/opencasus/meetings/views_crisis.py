"""The crisis-lane list of core staff: crisis cases with a deadline still open (triage, case conference)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from opencasus.access.houses import current_house_id
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.meetings import crisis
from opencasus.triage.crisis import DeadlineKind


@login_required
def crisis_lane(request: AuthenticatedHttpRequest) -> HttpResponse:
    overdue = request.GET.get("te-laat") == "1"
    house_id = current_house_id(request)
    if house_id is not None and house_id not in crisis.lane_house_ids(actor=request.user):
        house_id = None  # the current house does not run the crisis lane: the other houses that do
    items = crisis.crisis_list(actor=request.user, house_id=house_id, overdue=overdue)
    rows = [{"item": i, "triage": next((d for d in i.deadlines if d.kind == DeadlineKind.TRIAGE), None),
             "conference": next((d for d in i.deadlines if d.kind == DeadlineKind.CONFERENCE), None)}
            for i in items]
    return render(request, "meetings/crisis_lane.html", {
        "rows": rows, "overdue": overdue, "breadcrumbs": [(_("Crisis lane"), "")]})
