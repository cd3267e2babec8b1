"""The page of a house's approaches ("Werkwijzen"): the switch per approach and the crisis lane's periods."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import Form
from opencasus.network import approach_settings
from opencasus.network.models import Approach


class SwitchForm(Form):
    approach = forms.ChoiceField(choices=Approach.choices, widget=forms.HiddenInput)
    enabled = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1",
                                     widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class CrisisLaneForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    triage_days = forms.IntegerField(label=gettext_lazy("Working days to triage"), min_value=1,
                                     max_value=approach_settings.MAX_DAYS,
                                     help_text=gettext_lazy("Counted from the filing of a crisis intake."))
    conference_days = forms.IntegerField(label=gettext_lazy("Working days to the case conference"), min_value=1,
                                         max_value=approach_settings.MAX_DAYS,
                                         help_text=gettext_lazy("Counted from the admission of a crisis case."))


def _apply(form: Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def approaches(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    current = approach_settings.approach_list(actor=request.user, house_id=house_id)
    crisis_on = any(i.enabled for i in current.items if i.approach == Approach.CRISIS_LANE)
    crisis = approach_settings.crisis_settings_get(actor=request.user, house_id=house_id) if crisis_on else None
    if request.method == "POST" and not current.may_edit:
        raise PermissionDenied
    crisis_form: CrisisLaneForm | None = None
    if crisis is not None:
        crisis_form = CrisisLaneForm(
            request.POST if request.POST.get("action") == "crisis" else None,
            initial={"version": crisis.version, "triage_days": crisis.triage_days,
                     "conference_days": crisis.conference_days})
    switch_error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "switch":
            switch = SwitchForm(request.POST)
            if switch.is_valid():
                data = switch.cleaned_data
                try:
                    state = approach_settings.approach_switch(
                        actor=request.user, house_id=house_id, approach=data["approach"], enabled=data["enabled"],
                        expected_version=data["version"])
                except ValidationError as exc:
                    switch_error = " ".join(exc.messages)
                else:
                    messages.success(request, (_("%(approach)s is switched on.") if state.enabled
                                               else _("%(approach)s is switched off.")) % {"approach": state.label})
                    return redirect("network:approaches", house_id=house_id)
            else:
                switch_error = _("The switch could not be read. Reload the page and try again.")
        elif action == "crisis" and crisis_form is not None:
            if crisis_form.is_valid():
                data = crisis_form.cleaned_data
                try:
                    approach_settings.crisis_settings_save(
                        actor=request.user, house_id=house_id, triage_days=data["triage_days"],
                        conference_days=data["conference_days"], expected_version=data["version"])
                except ValidationError as exc:
                    _apply(crisis_form, exc)
                else:
                    messages.success(request, _("The crisis-lane periods have been saved."))
                    return redirect("network:approaches", house_id=house_id)
        else:
            switch_error = _("The switch could not be read. Reload the page and try again.")
    if crisis_form is not None and crisis is not None and not crisis.may_edit:
        for field in crisis_form.fields.values():
            field.disabled = True
    context: dict[str, Any] = {
        "view": current, "crisis": crisis, "form": crisis_form, "switch_error": switch_error,
        "breadcrumbs": [(current.house.name, ""), (_("Approaches"), "")]}
    failed = bool(switch_error) or bool(crisis_form is not None and crisis_form.errors)
    return render(request, "network/approaches.html", context, status=400 if failed else 200)
