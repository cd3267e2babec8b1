"""Forms of the Top X pages. Versioned records post their version (`plans.forms.VersionForm`)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.cases.vocabulary import PeopleInformed
from opencasus.core.forms import Form
from opencasus.core.text import NAME_MAX_LENGTH
from opencasus.plans.forms import VersionForm
from opencasus.topx.models import ExitCriterion, InclusionCriterion
from opencasus.topx.services.imports import MAX_BYTES
from opencasus.topx.vocabulary import MAX_CYCLE_MONTHS, MAX_SCORE_LIMIT, ReviewOutcome

LINES_HELP = _("One per line.")


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class TopXListForm(Form):
    house = forms.TypedChoiceField(label=_("House"), coerce=int, choices=[])
    name = forms.CharField(label=_("Name of the list"), max_length=NAME_MAX_LENGTH)
    theme = forms.CharField(label=_("Theme"), max_length=NAME_MAX_LENGTH, required=False,
                            help_text=_("For example high-impact crime or youth groups."))
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int, required=False, empty_value=None,
                                          choices=[], help_text=_("Leave empty for a list of the whole region."))
    review_cycle_months = forms.IntegerField(label=_("Review cycle in months"), min_value=1,
                                             max_value=MAX_CYCLE_MONTHS, initial=6)
    criteria = forms.CharField(label=_("Inclusion criteria"), widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=LINES_HELP)
    max_score = forms.IntegerField(label=_("Highest score per criterion"), min_value=1, max_value=MAX_SCORE_LIMIT,
                                   initial=5)
    exit_criteria = forms.CharField(label=_("Exit criteria"), widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text=LINES_HELP)

    def __init__(self, *args: Any, houses: list[tuple[int, str]], municipalities: list[tuple[int, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["house"]).choices = houses
        if len(houses) == 1:
            self.fields["house"].initial = houses[0][0]
        cast(forms.ChoiceField, self.fields["municipality"]).choices = [("", "—"), *municipalities]


class TopXListEditForm(VersionForm):
    name = forms.CharField(label=_("Name of the list"), max_length=NAME_MAX_LENGTH)
    theme = forms.CharField(label=_("Theme"), max_length=NAME_MAX_LENGTH, required=False)
    review_cycle_months = forms.IntegerField(label=_("Review cycle in months"), min_value=1,
                                             max_value=MAX_CYCLE_MONTHS)
    active = forms.BooleanField(label=_("The list takes new candidates"), required=False)
    exit_criteria = forms.CharField(label=_("Exit criteria"), widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text=LINES_HELP)


class PersonFields(Form):
    first_name = forms.CharField(label=_("First name"), max_length=NAME_MAX_LENGTH)
    last_name = forms.CharField(label=_("Last name"), max_length=NAME_MAX_LENGTH)
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False)
    bsn = forms.CharField(label=_("Citizen service number (BSN)"), max_length=20, required=False)


class ProposalForm(PersonFields):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int, choices=[])
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text=_("Why this person belongs on the list."))

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], criteria: list[InclusionCriterion],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["organisation"]).choices = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0][0]
        for criterion in criteria:
            self.fields[f"score_{criterion.position}"] = forms.IntegerField(
                label=_("Score on criterion %(n)s: %(text)s") % {"n": criterion.position, "text": criterion.text},
                min_value=0, max_value=criterion.max_score,
                help_text=_("0 to %(max)s") % {"max": criterion.max_score})
        self.order_fields(["organisation", "first_name", "last_name", "date_of_birth", "bsn",
                           *(f"score_{c.position}" for c in criteria), "motivation"])

    def scores(self) -> dict[int, int]:
        return {int(name.removeprefix("score_")): value for name, value in self.cleaned_data.items()
                if name.startswith("score_") and value is not None}


class ImportForm(Form):
    organisation = forms.TypedChoiceField(label=_("Supplied by"), coerce=int, choices=[])
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, at most %(kb)s kB.") % {"kb": MAX_BYTES // 1000})

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["organisation"]).choices = organisations


class DecisionForm(VersionForm):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("include", _("Include on the list")), ("not_include", _("Do not include"))])
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 3}))
    case_choice = forms.ChoiceField(label=_("Case of this person"), widget=forms.RadioSelect, required=False,
                                    choices=[("new", _("File a new intake (route Top X list)")),
                                             ("existing", _("Link a running case"))], initial="new")
    case = forms.TypedChoiceField(label=_("Running case"), coerce=int, required=False, empty_value=None,
                                  choices=[])
    requested_purpose = forms.CharField(label=_("What the case should achieve"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 2}))
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int, required=False, empty_value=None,
                                          choices=[])
    people_informed = forms.ChoiceField(label=_("Was the person told?"), required=False, widget=forms.RadioSelect,
                                        choices=PeopleInformed.choices)
    not_informed_reason = forms.CharField(label=_("Why not"), required=False,
                                          widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, cases: list[tuple[int, str]], municipalities: list[tuple[int, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["case"]).choices = [("", "—"), *cases]
        cast(forms.ChoiceField, self.fields["municipality"]).choices = [("", "—"), *municipalities]


class ReviewForm(VersionForm):
    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect, choices=ReviewOutcome.choices)
    exit_criterion = forms.TypedChoiceField(label=_("Exit criterion met"), coerce=int, required=False,
                                            empty_value=None, choices=[])
    reviewed_on = forms.DateField(label=_("Reviewed on"))
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, exit_criteria: list[ExitCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["exit_criterion"]).choices = [
            ("", "—"), *((c.pk, c.text) for c in exit_criteria)]
