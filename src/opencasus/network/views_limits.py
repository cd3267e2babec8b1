"""The page of a house's caseload maximums (house configuration)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import Form, apply_errors
from opencasus.network import limits


class LimitForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    per_director = forms.IntegerField(label=gettext_lazy("Maximum of active cases per process director"),
                                      required=False, min_value=1, max_value=limits.MAX_PER_DIRECTOR,
                                      help_text=gettext_lazy("Empty: no maximum."))
    per_house = forms.IntegerField(label=gettext_lazy("Maximum of active cases for the house"), required=False,
                                   min_value=1, max_value=limits.MAX_PER_HOUSE,
                                   help_text=gettext_lazy("Empty: no maximum."))


@login_required
def caseload_limits(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    current = limits.caseload_limit_get(actor=request.user, house_id=house_id)
    if request.method == "POST" and not current.may_edit:
        raise PermissionDenied
    form = LimitForm(request.POST or None, initial={
        "version": current.version, "per_director": current.per_director, "per_house": current.per_house})
    if not current.may_edit:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and current.may_edit and form.is_valid():
        data = form.cleaned_data
        try:
            limits.caseload_limit_save(actor=request.user, house_id=house_id, per_director=data["per_director"],
                                       per_house=data["per_house"], expected_version=data["version"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The maximums have been saved."))
            return redirect("network:caseload-limits", house_id=house_id)
    return render(request, "network/caseload_limits.html", {
        "limits": current, "form": form, "breadcrumbs": [(current.house.name, ""), (_("Caseload maximums"), "")]},
        status=400 if form.errors else 200)
