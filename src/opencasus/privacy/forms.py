"""Forms of the privacy pages. Validation of content happens in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.core.dates import refuse_implausible_birth_date
from opencasus.core.forms import Form
from opencasus.logbook.models import Action
from opencasus.privacy.models import RightsRequestKind, RightsRequestStatus

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")
TEXT = {"class": "utrecht-textbox"}
AREA = {"class": "utrecht-textarea", "rows": 4}
SELECT = {"class": "utrecht-select"}


class DryRunForm(Form):
    run_date = forms.DateField(label=_("Run as on"), widget=DATE, initial=timezone.localdate)


class SubjectSearchForm(Form):
    requester_name = forms.CharField(label=_("Name of the data subject (as on the request)"), max_length=200,
                                     widget=forms.TextInput(attrs=TEXT))
    received_on = forms.DateField(label=_("Request received on"), widget=DATE, initial=timezone.localdate)
    bsn = forms.CharField(label=_("BSN"), required=False, max_length=11,
                          widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off", "inputmode": "numeric"}),
                          help_text=_("Either the BSN, or first name, last name and date of birth."))
    first_name = forms.CharField(label=_("First name"), required=False, max_length=100,
                                 widget=forms.TextInput(attrs=TEXT))
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=150,
                                widget=forms.TextInput(attrs=TEXT))
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE,
                                    validators=[refuse_implausible_birth_date])


class RightsRequestForm(Form):
    kind = forms.ChoiceField(label=_("Kind of request"), choices=RightsRequestKind.choices,
                             widget=forms.Select(attrs=SELECT))
    requester_name = forms.CharField(label=_("Name of the data subject"), max_length=200,
                                     widget=forms.TextInput(attrs=TEXT))
    received_on = forms.DateField(label=_("Request received on"), widget=DATE, initial=timezone.localdate)
    description = forms.CharField(label=_("What is asked"), widget=forms.Textarea(attrs=AREA))
    bsn = forms.CharField(label=_("BSN (to find the person)"), required=False, max_length=11,
                          widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off", "inputmode": "numeric"}))
    first_name = forms.CharField(label=_("First name"), required=False, max_length=100,
                                 widget=forms.TextInput(attrs=TEXT))
    last_name = forms.CharField(label=_("Last name"), required=False, max_length=150,
                                widget=forms.TextInput(attrs=TEXT))
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE,
                                    validators=[refuse_implausible_birth_date])


class RightsRequestHandleForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=RightsRequestStatus.choices,
                               widget=forms.Select(attrs=SELECT))
    handling = forms.CharField(label=_("Handling"), required=False, widget=forms.Textarea(attrs=AREA))
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=DATE)
    extended_until = forms.DateField(label=_("Deadline extended until"), required=False, widget=DATE)
    extension_reason = forms.CharField(label=_("Reason for the extension"), required=False,
                                       widget=forms.Textarea(attrs={**AREA, "rows": 2}))


class LogSearchForm(Form):
    pseudonym = forms.UUIDField(label=_("Data subject (pseudonym)"), required=False,
                                widget=forms.TextInput(attrs=TEXT))
    bsn = forms.CharField(label=_("or person by BSN"), required=False, max_length=11,
                          widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off", "inputmode": "numeric"}))
    first_name = forms.CharField(label=_("or by first name"), required=False, max_length=100,
                                 widget=forms.TextInput(attrs=TEXT))
    last_name = forms.CharField(label=_("last name"), required=False, max_length=150,
                                widget=forms.TextInput(attrs=TEXT))
    date_of_birth = forms.DateField(label=_("and date of birth"), required=False, widget=DATE,
                                    validators=[refuse_implausible_birth_date])
    user = forms.TypedChoiceField(label=_("Professional"), required=False, coerce=int, empty_value=None,
                                  widget=forms.Select(attrs=SELECT))
    organisation = forms.TypedChoiceField(label=_("Organisation"), required=False, coerce=int, empty_value=None,
                                          widget=forms.Select(attrs=SELECT))
    case = forms.CharField(label=_("Case (reference)"), required=False, max_length=30,
                           help_text=_("For example ZHZ-2026-0013."),
                           widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off"}))
    action = forms.ChoiceField(label=_("Action"), required=False, choices=[("", "—"), *Action.choices],
                               widget=forms.Select(attrs=SELECT))
    from_date = forms.DateField(label=_("From"), required=False, widget=DATE)
    to_date = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args: Any, users: list[tuple[int, str]], organisations: list[tuple[int, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "—"), *users]  # type: ignore[attr-defined]
        self.fields["organisation"].choices = [("", "—"), *organisations]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("from_date") and data.get("to_date") and data["from_date"] > data["to_date"]:
            raise forms.ValidationError(_("The start of the period lies after its end."))
        return data
