"""The caseload fields of the triage decision form: the process director and the confirmation of an
admission past a house maximum. The triage form adds them with `add_triage_fields` and hands their values to
the decision service with `triage_values`; `cases/caseload/_triage_load.html` renders them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form, style_widget


def add_triage_fields(form: forms.Form, *, directors: list[tuple[int, str]], initial: int | None) -> None:
    form.fields["process_director"] = forms.TypedChoiceField(
        label=_("Process director"), required=False, coerce=int, empty_value=None,
        choices=[("", _("The deciding process director")), *directors],
        help_text=_("Who directs the case for the house from now on."))
    form.fields["confirm_over_limit"] = forms.BooleanField(
        label=_("Admit past the maximum all the same"), required=False,
        help_text=_("The confirmation is recorded with the admission."))
    for name in ("process_director", "confirm_over_limit"):
        style_widget(form.fields[name])
    if initial is not None and not form.is_bound:
        form.initial["process_director"] = initial


def triage_values(cleaned_data: dict[str, Any]) -> dict[str, Any]:
    return {"process_director_id": cleaned_data.get("process_director"),
            "confirm_over_limit": bool(cleaned_data.get("confirm_over_limit"))}


class AssignForm(Form):
    """Assign or reassign the process director of a case."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    director = forms.TypedChoiceField(label=_("Process director"), coerce=int)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required when the case already has a process director."))

    def __init__(self, *args: Any, directors: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["director"].choices = [("", "—"), *directors]  # type: ignore[attr-defined]

