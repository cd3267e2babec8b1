"""Forms of the follow-through pages. Versioned records post their version (`plans.forms.VersionForm`)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.core.text import NAME_MAX_LENGTH
from opencasus.followup.vocabulary import CheckBackStatus, LastCheckResult
from opencasus.plans.forms import VersionForm

PERSONAL_DATA_HELP = _("Name no one: no names, dates of birth, addresses or citizen service numbers (BSN). "
                       "Describe the situation in general terms.")


class CheckBackResolveForm(VersionForm):
    status = forms.ChoiceField(label=_("Result of the check-back"), widget=forms.RadioSelect, choices=[
        (CheckBackStatus.CONFIRMED.value, _("The receiving table or chain picked it up")),
        (CheckBackStatus.REOPENED.value, _("Not picked up: the question is reopened"))])
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Required when the question is reopened: why, and what happens now."))


class CheckBackDateForm(VersionForm):
    due_date = forms.DateField(label=_("Check-back date"))


class MonitoringStartForm(Form):
    case = forms.TypedChoiceField(label=_("Closed case"), coerce=int, choices=[])
    local_approach = forms.CharField(label=_("Local person-centred approach"), max_length=NAME_MAX_LENGTH,
                                     help_text=_("Which local team or approach of the municipality takes it on."))
    last_check_date = forms.DateField(label=_("Date of the last check"))
    note = forms.CharField(label=_("Reason for handing the case down"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, cases: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["case"]).choices = [("", "—"), *cases]


class MonitoringDateForm(VersionForm):
    last_check_date = forms.DateField(label=_("Date of the last check"))


class LastCheckForm(VersionForm):
    result = forms.ChoiceField(label=_("Result of the last check"), widget=forms.RadioSelect,
                               choices=LastCheckResult.choices)
    note = forms.CharField(label=_("What the last check found"), widget=forms.Textarea(attrs={"rows": 3}))


class ConsultationForm(Form):
    asker = forms.ChoiceField(label=_("House and organisation"), choices=[])
    municipality = forms.TypedChoiceField(label=_("Municipality concerned"), coerce=int, required=False,
                                          empty_value=None, choices=[])
    question = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 6}),
                               help_text=PERSONAL_DATA_HELP)

    def __init__(self, *args: Any, askers: list[tuple[str, str]], municipalities: list[tuple[int, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["asker"]).choices = askers
        if len(askers) == 1:
            self.fields["asker"].initial = askers[0][0]
        cast(forms.ChoiceField, self.fields["municipality"]).choices = [("", "—"), *municipalities]


class AdviceForm(VersionForm):
    advice = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 6}),
                             help_text=PERSONAL_DATA_HELP)
