"""Forms of the plan pages. Choices are limited to the case: its persons and participating organisations."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from opencasus.accounts.models import User
from opencasus.cases import selectors as case_selectors
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.dates import long_date
from opencasus.core.enhance import GroupedSelect, group_by
from opencasus.core.forms import Form as CoreForm
from opencasus.network import selectors as network_selectors
from opencasus.network.models import Organisation
from opencasus.plans import selectors as plan_selectors
from opencasus.plans import workflow
from opencasus.plans.models import Goal
from opencasus.plans.vocabulary import (
    AgreementStatus,
    ClosureOutcome,
    EscalationLevel,
    EscalationOutcome,
    GoalResult,
    InterventionLine,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _organisations(case: Case) -> Any:
    return case_selectors.participating_organisations(case_id=case.pk).order_by("name")


def _professionals(case: Case) -> Any:
    return case_selectors.participating_professionals(case_id=case.pk).order_by("last_name", "first_name")


class Form(CoreForm):
    """Labels in sentence case ("Eigenaar (organisatie)"): the msgids are the model's lower-case field names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.label:
                field.label = capfirst(field.label)


class VersionForm(Form):
    """A change of a versioned record carries the version the page showed; a post without it is refused
    (another user's change would otherwise be overwritten without a word)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    version_required = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.version_required and cleaned.get("version") is None and "version" not in self.errors:
            raise forms.ValidationError(_("This form lacks the version of the page you changed. Reload the page "
                                          "and make your change again."), code="version_required")
        return cleaned


class PlanHeaderForm(VersionForm):
    director_organisation = forms.ModelChoiceField(label=_("case director (organisation)"),
                                                   queryset=Organisation.objects.none(), required=False)
    director_user = forms.ModelChoiceField(label=_("case director (professional)"), queryset=User.objects.none(),
                                           required=False)
    evaluation_date = forms.DateField(label=_("evaluation date"), widget=DATE, required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["director_organisation"].queryset = _organisations(case)  # type: ignore[attr-defined]
        self.fields["director_user"].queryset = _professionals(case)  # type: ignore[attr-defined]


class GoalForm(Form):
    life_domain = forms.ChoiceField(label=_("life domain"), choices=LifeDomain.choices)
    person = forms.ModelChoiceField(label=_("family member"), queryset=Person.objects.none(), required=False,
                                    help_text=_("For a system case: whose goal this is (children included)."))
    description = forms.CharField(label=_("goal"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "goal_%s")  # the plan page holds several forms: ids must stay unique
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = case_selectors.case_persons(case_id=case.pk)  # type: ignore[attr-defined]


class GoalEditForm(GoalForm):
    """A goal edited in place (the case workspace), with the plan version it was read at."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, case: Case, goal_id: int, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"goal_{goal_id}_%s")
        super().__init__(*args, case=case, **kwargs)


class InterventionForm(Form):
    line = forms.ChoiceField(label=_("line"), choices=InterventionLine.choices)
    organisation = forms.ModelChoiceField(label=_("responsible organisation"), queryset=Organisation.objects.none())
    person = forms.ModelChoiceField(label=_("family member"), queryset=Person.objects.none(), required=False)
    description = forms.CharField(label=_("intervention"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "intervention_%s")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations(case)  # type: ignore[attr-defined]
        self.fields["person"].queryset = case_selectors.case_persons(case_id=case.pk)  # type: ignore[attr-defined]


class AgreementForm(VersionForm):
    description = forms.CharField(label=_("what"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_organisation = forms.ModelChoiceField(label=_("owner organisation"), queryset=Organisation.objects.none())
    owner_user = forms.ModelChoiceField(label=_("owner (professional)"), queryset=User.objects.none(),
                                        required=False, widget=GroupedSelect)
    deadline = forms.DateField(label=_("deadline"), widget=DATE)
    goal = forms.ModelChoiceField(label=_("goal it serves"), queryset=Goal.objects.none(), required=False)

    def __init__(self, *args: Any, case: Case, new: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "agreement_%s")
        super().__init__(*args, **kwargs)
        self.version_required = not new
        self.fields["owner_organisation"].queryset = _organisations(case)  # type: ignore[attr-defined]
        self.fields["owner_user"].queryset = _professionals(case)  # type: ignore[attr-defined]
        self.fields["goal"].queryset = plan_selectors.case_goals(case)  # type: ignore[attr-defined]
        widget = cast(GroupedSelect, self.fields["owner_user"].widget)
        widget.groups = group_by(case_selectors.professional_organisations(case_id=case.pk))
        widget.attrs["data-oc-filter-by"] = self.add_prefix("owner_organisation")


class AgreementStatusForm(VersionForm):
    """Status and progress: only the changes `plans.workflow` allows this reader are offered."""

    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices, required=False)
    reason = forms.CharField(label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 2}),
                             required=False, help_text=_("Required when you cancel the agreement."))
    progress_note = forms.CharField(label=_("Progress note"), widget=forms.Textarea(attrs={"rows": 3}),
                                    required=False)

    def __init__(self, *args: Any, current: str, capacities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = workflow.targets(current, capacities)
        field = self.fields["status"]
        if not allowed:
            del self.fields["status"], self.fields["reason"]
            return
        cast(Any, field).choices = [(current, _("%(status)s (unchanged)") % {"status": AgreementStatus(current).label}),
                                    *[(value, workflow.ACTION_LABELS[value]) for value in allowed]]
        field.initial = current
        field.required = True  # its first choice keeps the status as it is
        if not set(allowed) & workflow.REASON_REQUIRED:
            del self.fields["reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") in workflow.REASON_REQUIRED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for cancelling the agreement."))
        return data


class NoteForm(Form):
    text = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 3}))


class AdoptForm(VersionForm):
    meeting_id = forms.TypedChoiceField(label=_("Case conference in which the plan was adopted"), coerce=int,
                                        required=False, empty_value=None)

    def __init__(self, *args: Any, meetings: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["meeting_id"]).choices = [("", _("Not adopted in a meeting")), *meetings]
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class EvaluationForm(Form):
    evaluated_on = forms.DateField(label=_("evaluated on"), widget=DATE)
    note = forms.CharField(label=_("overall note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    next_evaluation_date = forms.DateField(label=_("next evaluation date"), widget=DATE, required=False)

    def __init__(self, *args: Any, goals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goals = goals
        for goal in goals:
            self.fields[f"result_{goal.pk}"] = forms.ChoiceField(label=goal.description, choices=GoalResult.choices)
            self.fields[f"note_{goal.pk}"] = forms.CharField(label=_("note"), required=False)

    def results(self) -> list[dict[str, Any]]:
        return [{"goal_id": g.pk, "result": self.cleaned_data[f"result_{g.pk}"],
                 "note": self.cleaned_data.get(f"note_{g.pk}", "")} for g in self.goals]


class CloseForm(VersionForm):
    outcome = forms.ChoiceField(label=_("outcome"), choices=ClosureOutcome.choices)
    handed_over_to = forms.ModelChoiceField(label=_("warm hand-over to"),
                                            queryset=network_selectors.organisation_choices(), required=False)
    note = forms.CharField(label=_("explanation"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ReopenForm(VersionForm):
    reason = forms.CharField(label=_("reason for re-opening"), widget=forms.Textarea(attrs={"rows": 3}))


class EscalationForm(Form):
    level = forms.ChoiceField(label=_("level"), choices=EscalationLevel.choices)
    organisation = forms.ModelChoiceField(label=_("partner that does not deliver"),
                                          queryset=Organisation.objects.none())
    agreement = forms.TypedChoiceField(label=_("agreement"), coerce=int, required=False, empty_value=None)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 3}))
    addressed_to = forms.CharField(label=_("addressed to"), required=False, max_length=300,
                                   help_text=_("Leave empty for the usual addressee of the level."))

    def __init__(self, *args: Any, case: Case, agreements: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations(case)  # type: ignore[attr-defined]
        self.fields["agreement"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (a.pk, f"{a.description[:60]} ({long_date(a.deadline)})") for a in agreements]


class EscalationResponseForm(VersionForm):
    response = forms.CharField(label=_("response"), widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.ChoiceField(label=_("outcome"), choices=EscalationOutcome.choices)
