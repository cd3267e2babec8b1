"""Forms of the funding register. Amounts are entered in euros (two decimals) and stored in cents."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from opencasus.funding.models import Method
from opencasus.funding.money import MAX_CENTS
from opencasus.network.models import House, Municipality, Region
from opencasus.plans.forms import VersionForm

MAX_EUROS = Decimal(MAX_CENTS) / 100


def euro_field(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(label=label, min_value=Decimal(0), max_value=MAX_EUROS, max_digits=14,
                              decimal_places=2, localize=True, **kwargs)


class FundingYearForm(VersionForm):
    amount = euro_field(_("National contribution (euros)"), help_text=_("For example 7700000.00."))
    amount_source = forms.CharField(label=_("Source of the amount"), max_length=1000,
                                    help_text=_("For example the May circular of the municipal fund."))
    key_source = forms.CharField(label=_("Source of the key"), max_length=1000,
                                 help_text=_("For example the police budget allocation system (BVS)."))
    key_year = forms.IntegerField(label=_("Year of the key's data"), min_value=2000, max_value=2100)
    example_key = forms.BooleanField(label=_("This is an example key, not the official one"), required=False)

    def __init__(self, *args: Any, regions: list[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regions = regions
        for region in regions:
            self.fields[f"share_{region.code}"] = forms.DecimalField(
                label=_("Share of %(region)s (percent)") % {"region": region.name}, min_value=Decimal("0.0001"),
                max_value=Decimal(100), max_digits=7, decimal_places=4, localize=True)
        self.limit_text_fields()

    def shares(self) -> dict[str, Decimal]:
        return {r.code: self.cleaned_data[f"share_{r.code}"] for r in self.regions}

    def share_fields(self) -> list[forms.BoundField]:
        return [self[f"share_{r.code}"] for r in self.regions]


class RegionSplitForm(VersionForm):
    decided_on = forms.DateField(label=_("Date of the decision"))
    reference = forms.CharField(label=_("Reference of the decision"), max_length=200,
                                help_text=_("For example the number of the steering group's decision list."))
    text = forms.CharField(label=_("Decision"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, houses: list[House], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.houses = houses
        for house in houses:
            self.fields[f"share_{house.pk}"] = forms.DecimalField(
                label=_("Share of %(house)s (percent)") % {"house": house.name}, min_value=Decimal(0),
                max_value=Decimal(100), max_digits=5, decimal_places=2, localize=True)
        self.limit_text_fields()

    def shares(self) -> dict[int, Decimal]:
        return {h.pk: self.cleaned_data[f"share_{h.pk}"] for h in self.houses}


class InhabitantsForm(VersionForm):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    count = forms.IntegerField(label=_("Inhabitants"), min_value=1, max_value=10_000_000)
    source = forms.CharField(label=_("Source"), max_length=1000, help_text=_("For example CBS StatLine, 1 January."))

    def __init__(self, *args: Any, municipalities: QuerySet[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = municipalities


class CoFinancingForm(VersionForm):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    method = forms.ChoiceField(label=_("Key"), choices=Method.choices)
    amount = euro_field(_("Rate or amount (euros)"),
                        help_text=_("Per inhabitant or per intake: the rate; fixed: the amount for the year."))
    agreement = forms.CharField(label=_("Agreement"), max_length=1000,
                                help_text=_("The agreement it rests on, for example the cooperation agreement."))

    def __init__(self, *args: Any, municipalities: QuerySet[Municipality] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)
        if municipalities is None:
            del self.fields["municipality"]
        else:
            field.queryset = municipalities


class InKindForm(VersionForm):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    hours = forms.DecimalField(label=_("Staff hours in the year"), min_value=Decimal(0), max_value=Decimal(100_000),
                               max_digits=8, decimal_places=1, localize=True)
    hourly_rate = euro_field(_("Hourly rate (euros)"),
                             help_text=_("The rate that values an hour of the organisation's staff."))
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, *args: Any, organisations: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            field = self.fields["organisation"]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = [("", "—"), *organisations]
