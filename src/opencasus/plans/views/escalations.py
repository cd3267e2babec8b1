"""Escalation pages: raise (core staff), respond, and the overview for managers (metadata only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opencasus.access import escalations as escalation_access
from opencasus.access.houses import narrow_to_current_house
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.plans import selectors, services
from opencasus.plans.forms import EscalationForm, EscalationResponseForm
from opencasus.plans.models import Escalation
from opencasus.plans.views._helpers import run, version_of
from opencasus.plans.vocabulary import LEVEL_ORDER, EscalationLevel, EscalationStatus


def _previous(case: object, previous_id: str | None) -> Escalation | None:
    """The escalation a next level continues: one of this case's (core staff opened the case)."""
    if not previous_id or not str(previous_id).isdigit():
        return None
    return selectors.case_escalation_find(case, int(previous_id))  # type: ignore[arg-type]


@login_required
def escalation_raise(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    _case, _lvl, plan = selectors.plan_get(actor=request.user, case_id=case_id)
    agreements = list(selectors.plan_agreements(plan))
    previous_id = request.GET.get("vanuit") or request.POST.get("previous")
    status = 200
    if request.method == "POST":
        form = EscalationForm(request.POST, case=case, agreements=agreements)
        if form.is_valid():
            data = form.cleaned_data
            escalation, status = run(form, lambda: services.escalation_raise(
                actor=request.user, case_id=case_id, level=data["level"], organisation=data["organisation"],
                reason=data["reason"], addressed_to=data["addressed_to"], agreement_id=data["agreement"],
                previous_id=int(previous_id) if previous_id and str(previous_id).isdigit() else None))
            if status == 200:
                messages.success(request, _("The escalation was recorded."))
                return redirect("plans:escalation", escalation_id=escalation.pk)
        else:
            status = 400
    else:
        initial: dict[str, object] = {"agreement": request.GET.get("afspraak") or ""}
        previous = _previous(case, previous_id)
        if previous is not None:
            # The next level carries the case, the organisation and the reason of the one it continues.
            following = LEVEL_ORDER.index(EscalationLevel(previous.level)) + 1
            initial.update({"organisation": previous.organisation_id, "reason": previous.reason,
                            "agreement": previous.agreement_id or initial["agreement"]})
            if following < len(LEVEL_ORDER):
                initial["level"] = LEVEL_ORDER[following].value
            if initial.get("level") == EscalationLevel.NATIONAL:
                initial["reason"] = ""  # the national programme reads a question written for it, never the case
        form = EscalationForm(initial=initial, case=case, agreements=agreements)
    national = (form["level"].value() or "") == EscalationLevel.NATIONAL
    return render(request, "plans/escalation_raise.html", {"case": case, "form": form, "previous_id": previous_id,
                                                           "national": national}, status=status)


@login_required
def escalation_overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not escalation_access.may_see_overview(request.user):
        raise Http404
    level = request.GET.get("niveau") or None
    status = request.GET.get("status") or None
    level = level if level in EscalationLevel.values else None
    status = status if status in EscalationStatus.values else None
    escalations = list(narrow_to_current_house(
        request, selectors.escalation_overview(actor=request.user, level=level, status=status), "case__house_id")[:500])
    selectors.record_escalation_list_view(actor=request.user, escalations=escalations)
    core_houses = {e.case.house_id for e in escalations if escalation_access.sees_content(request.user, e)}
    return render(request, "plans/escalations.html", {
        "escalations": escalations, "core_houses": core_houses, "levels": EscalationLevel.choices,
        "statuses": EscalationStatus.choices, "level": level, "status": status})


@login_required
def escalation_detail(request: AuthenticatedHttpRequest, escalation_id: int) -> HttpResponse:
    # A post reads only for the access decision; the page, when shown (again), logs its view below.
    read = selectors.escalation_check if request.method == "POST" else selectors.escalation_get
    escalation, content = read(actor=request.user, escalation_id=escalation_id)
    case = escalation.case
    can_respond = escalation_access.may_respond(actor=request.user, escalation=escalation, house_id=case.house_id) and \
        escalation.status in (EscalationStatus.OPEN, EscalationStatus.ANSWERED)
    status = 200
    form = None
    if can_respond:
        if request.method == "POST":
            posted = EscalationResponseForm(request.POST)
            form = posted
            if posted.is_valid():
                _result, status = run(posted, lambda: services.escalation_respond(
                    actor=request.user, escalation_id=escalation_id, expected_version=version_of(posted),
                    response=posted.cleaned_data["response"], outcome=posted.cleaned_data["outcome"]))
                if status == 200:
                    messages.success(request, _("The response was recorded."))
                    return redirect("plans:escalation", escalation_id=escalation_id)
            else:
                status = 400
        else:
            form = EscalationResponseForm(initial={"version": escalation.version})
    elif request.method == "POST":
        raise Http404
    if request.method == "POST":
        escalation, content = selectors.escalation_get(actor=request.user, escalation_id=escalation_id)
    core = escalation_access.sees_content(request.user, escalation)
    can_escalate = escalation_access.can_escalate(request.user, escalation)
    return render(request, "plans/escalation.html", {
        "escalation": escalation, "case": case, "content": content, "form": form, "core": core,
        "can_escalate": can_escalate}, status=status)
