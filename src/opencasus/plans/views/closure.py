"""Closing a case with its outcome and hand-over, and re-opening it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.plans import selectors, services
from opencasus.plans.forms import CloseForm, ReopenForm
from opencasus.plans.views._helpers import run, version_of


@login_required
def close(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    status = 200
    if request.method == "POST":
        form = CloseForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            _result, status = run(form, lambda: services.case_close(
                actor=request.user, case_id=case_id, outcome=data["outcome"], handed_over_to=data["handed_over_to"],
                note=data["note"], expected_version=version_of(form)))
            if status == 200:
                messages.success(request, _("The case was closed."))
                return redirect("plans:plan", case_id=case_id)
        else:
            status = 400
    else:
        form = CloseForm(initial={"version": case.version})
    return render(request, "plans/close.html", {"case": case, "form": form, "closures": selectors.closure_list(case),
                                                "checklist": selectors.closure_checklist(case)}, status=status)


@login_required
def reopen(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.core_case(actor=request.user, case_id=case_id)
    status = 200
    if request.method == "POST":
        form = ReopenForm(request.POST)
        if form.is_valid():
            _result, status = run(form, lambda: services.case_reopen(
                actor=request.user, case_id=case_id, reason=form.cleaned_data["reason"],
                expected_version=version_of(form)))
            if status == 200:
                messages.success(request, _("The case was re-opened."))
                return redirect("plans:plan", case_id=case_id)
        else:
            status = 400
    else:
        form = ReopenForm(initial={"version": case.version})
    return render(request, "plans/reopen.html", {"case": case, "form": form, "closures": selectors.closure_list(case)},
                  status=status)
