"""Pages of the national programme: the escalations raised to the national level, and their answer.

The national role never reaches the case: these pages show only what `plans.selectors_national` gives.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.access import national as national_access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.plans import selectors_national, services
from opencasus.plans.forms import EscalationResponseForm
from opencasus.plans.views._helpers import run, version_of
from opencasus.plans.vocabulary import EscalationStatus

PAGE_SIZE = 50


@login_required
def national_escalations(request: AuthenticatedHttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    status = status if status in EscalationStatus.values else None
    qs = selectors_national.national_escalation_queryset(actor=request.user, status=status)
    page_obj = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    items = selectors_national.national_escalations_shown(actor=request.user, escalations=page_obj.object_list)
    return render(request, "plans/national_escalations.html", {
        "items": items, "page_obj": page_obj, "statuses": EscalationStatus.choices, "status": status,
        "breadcrumbs": [(_("National escalations"), "")]})


@login_required
def national_escalation(request: AuthenticatedHttpRequest, escalation_id: int) -> HttpResponse:
    # A post reads only for the access decision; the page, when shown (again), logs its view below.
    read = selectors_national.national_escalation_check if request.method == "POST" else \
        selectors_national.national_escalation_get
    item = read(actor=request.user, escalation_id=escalation_id)
    status = 200
    form = None
    if item.open:
        if request.method == "POST":
            form = EscalationResponseForm(request.POST)
            if form.is_valid():
                posted = form
                _result, status = run(form, lambda: services.escalation_respond(
                    actor=request.user, escalation_id=escalation_id, expected_version=version_of(posted),
                    response=posted.cleaned_data["response"], outcome=posted.cleaned_data["outcome"]))
                if status == 200:
                    messages.success(request, _("The response was recorded."))
                    return redirect("plans:national-escalation", escalation_id=escalation_id)
            else:
                status = 400
            item = selectors_national.national_escalation_get(actor=request.user, escalation_id=escalation_id)
        else:
            form = EscalationResponseForm(initial={"version": item.version})
    elif request.method == "POST":
        national_access.national_check(actor=request.user)
        messages.error(request, _("This escalation is closed or already escalated."))
        return redirect("plans:national-escalation", escalation_id=escalation_id)
    return render(request, "plans/national_escalation.html", {
        "item": item, "form": form, "breadcrumbs": [
            (_("National escalations"), reverse("plans:national-escalations")), (item.region_name, "")]}, status=status)
