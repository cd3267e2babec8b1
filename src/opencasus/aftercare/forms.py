"""Forms of the after-care pages. Versioned records post their version (`plans.forms.VersionForm`)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.aftercare.vocabulary import ItemStatus
from opencasus.cases.vocabulary import PeopleInformed
from opencasus.core.forms import Form
from opencasus.core.text import LONG_TEXT_MAX_LENGTH
from opencasus.plans.forms import VersionForm


def _choices(field: forms.Field, choices: list[tuple[Any, str]], *, blank: str = "—") -> None:
    cast(forms.ChoiceField, field).choices = [("", blank), *choices]


class ReleaseDateForm(VersionForm):
    release_date = forms.DateField(label=_("Expected release date"),
                                   help_text=_("Open deadlines move along; done items keep theirs."))


class ItemForm(VersionForm):
    owner_organisation = forms.TypedChoiceField(label=_("Owner organisation"), coerce=int, required=False,
                                                empty_value=None, choices=[])
    owner_user = forms.TypedChoiceField(label=_("Owner professional"), coerce=int, required=False,
                                        empty_value=None, choices=[])
    deadline = forms.DateField(label=_("Deadline"))
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=LONG_TEXT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Required when the item is not needed."))

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], professionals: list[tuple[int, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["owner_organisation"], organisations)
        _choices(self.fields["owner_user"], professionals)


class HandoverForm(VersionForm):
    by_organisation = forms.TypedChoiceField(label=_("Handed over by"), coerce=int, choices=[])
    to_organisation = forms.TypedChoiceField(label=_("Handed over to"), coerce=int, choices=[])
    done = forms.TypedChoiceField(label=_("Did the warm hand-over take place?"), widget=forms.RadioSelect,
                                  coerce=lambda v: v == "yes",
                                  choices=[("yes", _("Yes, it took place")), ("no", _("No, not (yet)"))])
    note = forms.CharField(label=_("Note"), required=False, max_length=LONG_TEXT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Required when the hand-over did not take place: why, and what now."))

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["by_organisation"], organisations)
        _choices(self.fields["to_organisation"], organisations)


class ImportForm(Form):
    house = forms.TypedChoiceField(label=_("House"), coerce=int, choices=[])
    file = forms.FileField(label=_("CSV file of expected releases"), help_text=_(
        "Columns: bsn; voornaam; achternaam; geboortedatum; ontslagdatum; inrichting; gemeente. A person is named "
        "by a BSN or by last name and date of birth."))

    def __init__(self, *args: Any, houses: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["house"]).choices = houses
        if len(houses) == 1:
            self.fields["house"].widget = forms.HiddenInput()
            self.initial.setdefault("house", houses[0][0])


class ReleaseIntakeForm(Form):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int, choices=[])
    reason = forms.CharField(label=_("Reason for the intake"), max_length=LONG_TEXT_MAX_LENGTH,
                             widget=forms.Textarea(attrs={"rows": 3}))
    requested_purpose = forms.CharField(label=_("What you want to achieve"), max_length=LONG_TEXT_MAX_LENGTH,
                                        widget=forms.Textarea(attrs={"rows": 3}))
    people_informed = forms.ChoiceField(label=_("Was the person told?"), choices=PeopleInformed.choices,
                                        widget=forms.RadioSelect)
    not_informed_reason = forms.CharField(label=_("Why not"), required=False, max_length=LONG_TEXT_MAX_LENGTH,
                                          widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["organisation"]).choices = organisations


class SettingsForm(VersionForm):
    identity_days = forms.IntegerField(label=_("Identity document: days before release"), min_value=0,
                                       max_value=365)
    income_days = forms.IntegerField(label=_("Income: days before release"), min_value=0, max_value=365)
    housing_days = forms.IntegerField(label=_("Housing: days before release"), min_value=0, max_value=365)
    care_days = forms.IntegerField(label=_("Care: days before release"), min_value=0, max_value=365)
    debts_days = forms.IntegerField(label=_("Debts: days before release"), min_value=0, max_value=365)
    check_weeks = forms.IntegerField(label=_("Check: weeks after release"), min_value=1, max_value=52)
