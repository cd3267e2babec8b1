"""Forms of transfers and co-direction; their choices come from the selectors, passed in by the view."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.plans.forms import VersionForm


class HouseChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.region.name})"


class ItemChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_life_domain_display()} — {obj.organisation.name} ({obj.legal_basis})"


class ProposeForm(Form):
    to_house = HouseChoiceField(label=_("House the case moves to"), queryset=None)
    move_date = forms.DateField(label=_("Date of the move"))
    reason = forms.CharField(label=_("Reason for the transfer"), widget=forms.Textarea(attrs={"rows": 4}),
                             max_length=10_000)
    include_purpose = forms.BooleanField(label=_("The purpose and questions go along"), required=False, initial=True)
    include_plan = forms.BooleanField(label=_("The adopted plan goes along (goals and open agreements)"),
                                      required=False)
    information_items = ItemChoiceField(
        label=_("Information items that go along"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only items their contributors marked as transferable; their legal basis goes with them."))

    def __init__(self, *args: Any, houses: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_house"].queryset = houses  # type: ignore[attr-defined]
        self.fields["information_items"].queryset = items  # type: ignore[attr-defined]


class DecisionForm(VersionForm):
    DECISIONS = (("accept", _("Accept the transfer")), ("decline", _("Decline the transfer")))
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    municipality: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Municipality where the person now lives"), queryset=None, required=False,
        help_text=_("For an accepted transfer; without a choice the seat municipality of the region."))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                             max_length=10_000, help_text=_("Required when you decline."))

    def __init__(self, *args: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]


class MembershipChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.get_full_name() or obj.user.get_username()} — {obj.house.name}"


class CoDirectorForm(Form):
    membership = MembershipChoiceField(label=_("Process director of another house"), queryset=None)

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = candidates  # type: ignore[attr-defined]


class CoParticipantForm(Form):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Organisation of your house"), queryset=None)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
