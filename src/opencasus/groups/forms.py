"""Forms of the group pages. A member is a versioned record: its forms post the version (`VersionForm`)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.groups.vocabulary import MAX_TIER, MIN_TIER, MemberRole
from opencasus.plans.forms import VersionForm

NEW_PERSON = ""
TIER_CHOICES = [(n, str(n)) for n in range(MIN_TIER, MAX_TIER + 1)]
TIER_HELP = _("1: the hard core, who needs an individual approach; 3: the outer ring.")


class _RoleTier(Form):
    role = forms.ChoiceField(label=_("Role in the group"), choices=MemberRole.choices, widget=forms.RadioSelect)
    tier = forms.TypedChoiceField(label=_("Tier"), coerce=int, choices=TIER_CHOICES, help_text=TIER_HELP)
    start_date = forms.DateField(label=_("Member since"))


class MemberAddForm(_RoleTier):
    person = forms.ChoiceField(label=_("Person"), required=False, choices=[],
                               help_text=_("A person recorded in the group case, or a new member by name."))
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False)

    field_order = ["person", "first_name", "last_name", "date_of_birth", "role", "tier", "start_date"]

    def __init__(self, *args: Any, persons: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["person"])
        field.choices = [(NEW_PERSON, _("A new member (fill in the name below)")),
                         *[(str(pk), label) for pk, label in persons]]


class MemberEditForm(_RoleTier, VersionForm):
    end_date = forms.DateField(label=_("Left the group on"), required=False,
                               help_text=_("Leave empty while the member belongs to the group."))


class MemberEndForm(VersionForm):
    end_date = forms.DateField(label=_("Left the group on"))


class LinkForm(VersionForm):
    individual_case = forms.TypedChoiceField(label=_("Individual case"), coerce=int, choices=[],
                                             help_text=_("A person case of this house."))

    def __init__(self, *args: Any, cases: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["individual_case"]).choices = [("", "—"), *cases]


class UnlinkForm(VersionForm):
    pass
