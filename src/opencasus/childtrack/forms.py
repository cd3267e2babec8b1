"""Forms of the Kindspoor pages. A child check posts its version (`plans.forms.VersionForm`; 0 before the first)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.childtrack.models import ChildCheck, SafetyOutcome
from opencasus.childtrack.services import ChildCheckInput
from opencasus.core.forms import Form
from opencasus.core.text import NAME_MAX_LENGTH
from opencasus.plans.forms import VersionForm

YES_NO = [("", _("Not answered yet")), ("yes", _("Yes")), ("no", _("No"))]
REASON = {"rows": 2}


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def _answer(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


class ChildCheckForm(VersionForm):
    seen_and_heard = forms.ChoiceField(label=_("Was the child seen and heard?"), choices=YES_NO, required=False)
    seen_on = forms.DateField(label=_("Seen and heard on"), required=False)
    seen_by = forms.CharField(label=_("Seen and heard by"), max_length=NAME_MAX_LENGTH, required=False,
                              help_text=_("Name and organisation of the professional who spoke with the child."))
    safety_outcome = forms.ChoiceField(label=_("Outcome of the safety assessment"), required=False,
                                       choices=[("", _("Not assessed yet")), *SafetyOutcome.choices])
    safety_note = forms.CharField(label=_("Safety assessment note"), required=False,
                                  widget=forms.Textarea(attrs=REASON))
    help_offered = forms.ChoiceField(label=_("Was help offered to the family?"), choices=YES_NO, required=False)
    help_organisation = forms.TypedChoiceField(label=_("Help offered by"), coerce=int, empty_value=None,
                                               required=False, choices=[])
    veilig_thuis_involved = forms.ChoiceField(label=_("Is Veilig Thuis involved?"), choices=YES_NO, required=False)
    veilig_thuis_reason = forms.CharField(label=_("Reason (Veilig Thuis)"), required=False,
                                          widget=forms.Textarea(attrs=REASON),
                                          help_text=_("Why Veilig Thuis is or is not involved."))
    board_involved = forms.ChoiceField(label=_("Is the Child Protection Board involved?"), choices=YES_NO,
                                       required=False)
    board_reason = forms.CharField(label=_("Reason (Child Protection Board)"), required=False,
                                   widget=forms.Textarea(attrs=REASON),
                                   help_text=_("Why the Raad voor de Kinderbescherming is or is not involved."))

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["help_organisation"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("Choose an organisation")), *organisations]

    @staticmethod
    def initial_for(check: ChildCheck | None) -> dict[str, Any]:
        if check is None:
            return {"version": 0}
        return {
            "version": check.version, "seen_and_heard": _answer(check.seen_and_heard), "seen_on": check.seen_on,
            "seen_by": check.seen_by, "safety_outcome": check.safety_outcome, "safety_note": check.safety_note,
            "help_offered": _answer(check.help_offered), "help_organisation": check.help_organisation_id,
            "veilig_thuis_involved": _answer(check.veilig_thuis_involved),
            "veilig_thuis_reason": check.veilig_thuis_reason, "board_involved": _answer(check.board_involved),
            "board_reason": check.board_reason}

    def to_input(self) -> ChildCheckInput:
        d = self.cleaned_data
        return ChildCheckInput(
            seen_and_heard=_yes_no(d.get("seen_and_heard")), seen_on=d.get("seen_on"), seen_by=d.get("seen_by") or "",
            safety_outcome=d.get("safety_outcome") or "", safety_note=d.get("safety_note") or "",
            help_offered=_yes_no(d.get("help_offered")), help_organisation_id=d.get("help_organisation"),
            veilig_thuis_involved=_yes_no(d.get("veilig_thuis_involved")),
            veilig_thuis_reason=d.get("veilig_thuis_reason") or "", board_involved=_yes_no(d.get("board_involved")),
            board_reason=d.get("board_reason") or "")


class FlagForm(Form):
    flagged = forms.BooleanField(label=_("This case concerns domestic violence"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs=REASON))


class ConfigurationForm(Form):
    target_groups = forms.TypedMultipleChoiceField(
        label=_("Target groups that count as domestic violence"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple, choices=[],
        help_text=_("A case of one of these target groups with a child under 18 follows the Kindspoor."))

    def __init__(self, *args: Any, groups: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target_groups"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = groups
