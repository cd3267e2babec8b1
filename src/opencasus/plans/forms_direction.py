"""Forms of the case director's plan proposal: a row per goal, intervention and agreement (formsets)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from opencasus.cases.models import Case
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.forms import Form
from opencasus.plans.forms import DATE, VersionForm, _organisations, _professionals
from opencasus.plans.services.direction import AgreementRow, GoalRow, InterventionRow
from opencasus.plans.vocabulary import InterventionLine

EXTRA_ROWS = 1


def _id(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


class _Row(Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    person = forms.IntegerField(widget=forms.HiddenInput, required=False)  # kept as the draft had it

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case

    def is_blank(self) -> bool:
        return not (self.cleaned_data.get("description") or "").strip()


class GoalRowForm(_Row):
    life_domain = forms.ChoiceField(label=_("life domain"), choices=[("", "—"), *LifeDomain.choices], required=False)
    description = forms.CharField(label=_("goal"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class InterventionRowForm(_Row):
    line = forms.ChoiceField(label=_("line"), choices=[("", "—"), *InterventionLine.choices], required=False)
    description = forms.CharField(label=_("intervention"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    organisation = forms.TypedChoiceField(label=_("responsible organisation"), coerce=int, required=False,
                                          empty_value=None)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        cast(Any, self.fields["organisation"]).choices = [("", "—"), *[(o.pk, o.name) for o in _organisations(case)]]


class AgreementRowForm(_Row):
    description = forms.CharField(label=_("what"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    owner_organisation = forms.TypedChoiceField(label=_("owner organisation"), coerce=int, required=False,
                                                empty_value=None)
    owner_user = forms.TypedChoiceField(label=_("owner (professional)"), coerce=int, required=False, empty_value=None)
    deadline = forms.DateField(label=_("deadline"), widget=DATE, required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        cast(Any, self.fields["owner_organisation"]).choices = [
            ("", "—"), *[(o.pk, o.name) for o in _organisations(case)]]
        cast(Any, self.fields["owner_user"]).choices = [("", "—"), *[(u.pk, str(u)) for u in _professionals(case)]]


GoalFormSet = formset_factory(GoalRowForm, extra=EXTRA_ROWS, can_delete=True)
InterventionFormSet = formset_factory(InterventionRowForm, extra=EXTRA_ROWS, can_delete=True)
AgreementFormSet = formset_factory(AgreementRowForm, extra=EXTRA_ROWS, can_delete=True)


class ProposalForm(VersionForm):
    explanation = forms.CharField(label=_("Explanation for the process director"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


def _kept(formset: Any) -> list[Any]:
    return [f for f in formset.forms if f.is_valid() and not f.cleaned_data.get("DELETE") and not f.is_blank()]


def goal_rows(formset: Any) -> list[GoalRow]:
    return [GoalRow(id=_id(f.cleaned_data.get("id")), life_domain=f.cleaned_data.get("life_domain") or "",
                    description=f.cleaned_data["description"], person_id=f.cleaned_data.get("person"))
            for f in _kept(formset)]


def intervention_rows(formset: Any) -> list[InterventionRow]:
    return [InterventionRow(id=_id(f.cleaned_data.get("id")), line=f.cleaned_data.get("line") or "",
                            description=f.cleaned_data["description"],
                            organisation_id=f.cleaned_data.get("organisation"),
                            person_id=f.cleaned_data.get("person")) for f in _kept(formset)]


def agreement_rows(formset: Any) -> list[AgreementRow]:
    return [AgreementRow(id=_id(f.cleaned_data.get("id")), description=f.cleaned_data["description"],
                         owner_organisation_id=f.cleaned_data.get("owner_organisation"),
                         owner_user_id=f.cleaned_data.get("owner_user"), deadline=f.cleaned_data.get("deadline"))
            for f in _kept(formset)]


def initial_rows(content: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The draft's rows as initial data of the three formsets."""
    return {
        "goals": [{"id": g.get("id"), "life_domain": g["life_domain"], "description": g["description"],
                   "person": g.get("person_id")} for g in content.get("goals", [])],
        "interventions": [{"id": i.get("id"), "line": i["line"], "description": i["description"],
                           "organisation": i["organisation_id"], "person": i.get("person_id")}
                          for i in content.get("interventions", [])],
        "agreements": [{"id": a.get("id"), "description": a["description"],
                        "owner_organisation": a["owner_organisation_id"], "owner_user": a.get("owner_user_id"),
                        "deadline": dt.date.fromisoformat(a["deadline"])} for a in content.get("agreements", [])],
    }


class ReturnForm(VersionForm):
    note = forms.CharField(label=_("What should the case director change?"), widget=forms.Textarea(attrs={"rows": 3}))
