"""The ZSM advice page of a case (core staff read it; a process director records, changes or withdraws it)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors
from opencasus.zsm import selectors, services
from opencasus.zsm.forms import AdviceForm, WithdrawForm


@login_required
def advice(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    if request.method == "POST":
        view = selectors.advice_check(actor=request.user, case_id=case_id)
        if not view.may_edit:
            raise PermissionDenied
        form = AdviceForm(request.POST)
        if form.is_valid():
            try:
                services.advice_save(actor=request.user, case_id=case_id, text=form.cleaned_data["text"],
                                     expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The ZSM advice has been saved."))
                return redirect("zsm:advice", case_id=case_id)
    view = selectors.advice_get(actor=request.user, case_id=case_id)
    if request.method != "POST":
        form = AdviceForm(initial={"version": view.version, "text": view.advice.text if view.advice else ""})
    case = view.case
    return render(request, "zsm/advice.html", {
        "view": view, "case": case, "form": form, "withdraw": WithdrawForm(initial={"version": view.version}),
        "breadcrumbs": [(_("My cases"), reverse("cases:list")), (case.reference, reverse("cases:detail",
                                                                                          args=[case.pk])),
                        (_("ZSM advice"), "")]}, status=400 if form.errors else 200)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    view = selectors.advice_check(actor=request.user, case_id=case_id)
    if not view.may_edit:
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.advice_withdraw(actor=request.user, case_id=case_id, expected_version=form.cleaned_data["version"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The ZSM advice has been withdrawn."))
    return redirect("zsm:advice", case_id=case_id)
