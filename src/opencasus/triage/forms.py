"""Forms of the triage pages. They collect input; the services validate and decide."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.cases.caseload.forms import add_triage_fields, triage_values
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.enhance import GroupedCheckboxSelectMultiple, group_by
from opencasus.core.forms import Form
from opencasus.network.models import LocalCriterion, MeetingType, Organisation
from opencasus.triage.models import Answer, Assessment, Criterion, Outcome, RouteTarget, Verdict
from opencasus.triage.services import AssessmentInput, DecisionInput

TEXTAREA = {"rows": 2, "class": "utrecht-textarea"}
# NL Design System's radio button on a native input: without the modifier a chosen option looks unchosen.
RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"


class AssessmentForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    override_verdict = forms.ChoiceField(
        label=_("Verdict of the triage table"), required=False,
        choices=[("", _("Keep the computed verdict")), *Verdict.choices],
        widget=forms.Select(attrs={"class": "utrecht-select"}))
    override_grounds = forms.CharField(label=_("Grounds for overruling the computed verdict"), required=False,
                                       widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args: Any, criteria: Iterable[LocalCriterion], assessment: Assessment | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.local_criteria = list(criteria)
        radio = {"class": RADIO_CLASS}
        for criterion in Criterion:
            self.fields[criterion.value] = forms.ChoiceField(
                label=criterion.label, choices=Answer.choices, initial=Answer.UNKNOWN,
                widget=forms.RadioSelect(attrs=radio))
            self.fields[f"{criterion.value}_explanation"] = forms.CharField(
                label=_("Explanation"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
        for domain in LifeDomain:
            self.fields[f"domain_{domain.value}"] = forms.BooleanField(label=domain.label, required=False)
            self.fields[f"domain_{domain.value}_note"] = forms.CharField(
                label=_("Note on %(domain)s") % {"domain": domain.label}, required=False,
                widget=forms.Textarea(attrs=TEXTAREA))
        for lc in self.local_criteria:
            self.fields[f"local_{lc.pk}_answer"] = forms.ChoiceField(
                label=lc.text, choices=Answer.choices, initial=Answer.UNKNOWN, required=False,
                widget=forms.RadioSelect(attrs=radio))
            self.fields[f"local_{lc.pk}_explanation"] = forms.CharField(
                label=_("Explanation"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
        if assessment is not None and not self.is_bound:
            self.initial.update(self._initial_from(assessment))

    @staticmethod
    def _initial_from(assessment: Assessment) -> dict[str, Any]:
        initial: dict[str, Any] = {"version": assessment.version, "override_verdict": assessment.override_verdict,
                                   "override_grounds": assessment.override_grounds}
        for criterion in Criterion:
            initial[criterion.value] = getattr(assessment, criterion.value)
            initial[f"{criterion.value}_explanation"] = getattr(assessment, f"{criterion.value}_explanation")
        for note in assessment.life_domains.all():
            initial[f"domain_{note.life_domain}"] = True
            initial[f"domain_{note.life_domain}_note"] = note.note
        for answer in assessment.local_answers.all():
            initial[f"local_{answer.criterion_id}_answer"] = answer.answer
            initial[f"local_{answer.criterion_id}_explanation"] = answer.explanation
        return initial

    def criteria_rows(self) -> list[tuple[Any, Any]]:
        return [(self[c.value], self[f"{c.value}_explanation"]) for c in Criterion]

    def domain_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"domain_{d.value}"], self[f"domain_{d.value}_note"]) for d in LifeDomain]

    def local_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"local_{lc.pk}_answer"], self[f"local_{lc.pk}_explanation"]) for lc in self.local_criteria]

    def to_input(self) -> AssessmentInput:
        data = self.cleaned_data
        return AssessmentInput(
            answers={c.value: (data[c.value], data[f"{c.value}_explanation"]) for c in Criterion},
            life_domains={d.value: data[f"domain_{d.value}_note"] for d in LifeDomain if data[f"domain_{d.value}"]},
            local_answers={lc.pk: (data[f"local_{lc.pk}_answer"] or Answer.UNKNOWN, data[f"local_{lc.pk}_explanation"])
                           for lc in self.local_criteria},
            override_verdict=data["override_verdict"], override_grounds=data["override_grounds"],
        )


def _pair(value: str) -> tuple[int, int]:
    user_id, organisation_id = value.split(":")
    return int(user_id), int(organisation_id)


class DecisionForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices,
                                widget=forms.RadioSelect(attrs={"class": RADIO_CLASS}))
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs=TEXTAREA),
                              help_text=_("Always on record, whatever the outcome."))
    advice = forms.CharField(label=_("Advice given"), required=False, widget=forms.Textarea(attrs=TEXTAREA))
    routed_to = forms.ChoiceField(label=_("Routed to"), required=False,
                                  choices=[("", "—"), *RouteTarget.choices],
                                  widget=forms.Select(attrs={"class": "utrecht-select"}))
    routed_to_detail = forms.CharField(label=_("Which table or chain (for “other”)"), required=False, max_length=200)
    purpose = forms.CharField(label=_("Purpose of the case conference"), required=False,
                              widget=forms.Textarea(attrs=TEXTAREA),
                              help_text=_("Doelbinding: information is shared for this purpose only."))
    questions = forms.CharField(label=_("Questions to answer"), required=False,
                                widget=forms.Textarea(attrs=TEXTAREA))
    meeting_type = forms.ModelChoiceField(label=_("Meeting type"), queryset=MeetingType.objects.none(),
                                          required=False, widget=forms.Select(attrs={"class": "utrecht-select"}))
    organisations = forms.MultipleChoiceField(label=_("Participating organisations"), required=False,
                                              widget=forms.CheckboxSelectMultiple)
    professionals = forms.MultipleChoiceField(
        label=_("Named professionals"), required=False,
        help_text=_("Once organisations are ticked, only their professionals are listed."),
        widget=GroupedCheckboxSelectMultiple(filter_by="organisations"))

    # The fields of each outcome; the page shows only the chosen outcome's, and the others are not kept.
    OUTCOME_FIELDS = {
        Outcome.ADMIT: ("purpose", "questions", "meeting_type", "organisations", "professionals"),
        Outcome.ADVICE: ("advice",),
        Outcome.ROUTE: ("routed_to", "routed_to_detail"),
        Outcome.DECLINE: (),
    }
    check_back_date = forms.DateField(
        label=_("Check-back date"), required=False,
        help_text=_("Advice or routing: when the process director checks that the question was picked up. "
                    "Empty: the default number of days after the decision."))
    CHECK_BACK_OUTCOMES = (Outcome.ADVICE, Outcome.ROUTE)
    priority_theme_id = forms.TypedChoiceField(
        label=_("Fits the strategic agenda"), required=False, coerce=int, empty_value=None,
        help_text=_("The priority theme of the region's strategic agenda (of the intake's year) this intake fits."))
    message_to_filer = forms.CharField(label=_("Message to the filer"), required=False,
                                       widget=forms.Textarea(attrs=TEXTAREA),
                                       help_text=_("Shown to the filer in the app with the outcome (not e-mailed)."))

    def __init__(self, *args: Any, meeting_types: Any, organisations: list[tuple[Organisation, bool]],
                 professionals: list[tuple[int, int, str]], directors: list[tuple[int, str]] | None = None,
                 director_id: int | None = None, outcomes: frozenset[str] | None = None,
                 themes: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_triage_fields(self, directors=directors or [], initial=director_id)
        self.fields["priority_theme_id"].choices = [  # type: ignore[attr-defined]
            ("", _("Does not fit a priority theme")), *(themes or [])]
        if not themes:
            del self.fields["priority_theme_id"]
        if outcomes is not None:  # a submitted intake: only what needs no assessment
            self.fields["outcome"].choices = [  # type: ignore[attr-defined]
                (value, label) for value, label in Outcome.choices if value in outcomes]
        self.fields["meeting_type"].queryset = meeting_types  # type: ignore[attr-defined]
        no_covenant = _("no privacy covenant in force")
        self.fields["organisations"].choices = [  # type: ignore[attr-defined]
            (str(o.pk), o.name if ok else f"{o.name} ({no_covenant})") for o, ok in organisations]
        self.fields["professionals"].choices = [  # type: ignore[attr-defined]
            (f"{u}:{o}", label) for u, o, label in professionals]
        cast(Any, self.fields["professionals"].widget).groups = group_by(
            (f"{u}:{o}", o) for u, o, _label in professionals)

    def outcome_groups(self) -> list[tuple[str, str, list[Any]]]:
        """(outcome, heading, bound fields) for each outcome that has fields of its own."""
        headings = {Outcome.ADMIT: _("When admitted to a case conference"), Outcome.ADVICE: _("When giving advice"),
                    Outcome.ROUTE: _("When routing elsewhere")}
        return [(outcome.value, str(headings[outcome]), [self[name] for name in names])
                for outcome, names in self.OUTCOME_FIELDS.items() if names]

    def clean(self) -> dict[str, Any]:
        """Fields of another outcome than the chosen one are not kept (they were hidden from the user)."""
        data = super().clean() or {}
        chosen = data.get("outcome")
        empty: dict[str, Any] = {"meeting_type": None, "organisations": [], "professionals": []}
        for outcome, names in self.OUTCOME_FIELDS.items():
            if outcome != chosen:
                for name in names:
                    data[name] = empty.get(name, "")
        if chosen not in self.CHECK_BACK_OUTCOMES:
            data["check_back_date"] = None
        return data

    def to_input(self) -> DecisionInput:
        data = self.cleaned_data
        meeting_type = data.get("meeting_type")
        return DecisionInput(
            outcome=data["outcome"], grounds=data["grounds"], advice=data["advice"], routed_to=data["routed_to"],
            routed_to_detail=data["routed_to_detail"], purpose=data["purpose"], questions=data["questions"],
            meeting_type_id=meeting_type.pk if meeting_type else None,
            organisation_ids=[int(v) for v in data["organisations"]],
            professionals=[_pair(v) for v in data["professionals"]], message_to_filer=data["message_to_filer"],
            **triage_values(data),
            check_back_date=data.get("check_back_date"), priority_theme_id=data.get("priority_theme_id"),
        )


class ParticipantAddForm(Form):
    participant = forms.ChoiceField(label=_("Organisation or professional"),
                                    widget=forms.Select(attrs={"class": "utrecht-select"}))
    reason = forms.CharField(label=_("Why is this participant needed?"), widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args: Any, organisations: list[tuple[Organisation, bool]],
                 professionals: list[tuple[int, int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        no_covenant = _("no privacy covenant in force")
        org_choices = [(f"org:{o.pk}", o.name if ok else f"{o.name} ({no_covenant})") for o, ok in organisations]
        pro_choices = [(f"pro:{u}:{o}", label) for u, o, label in professionals]
        self.fields["participant"].choices = [  # type: ignore[attr-defined]
            ("", "—"), (_("Organisations"), org_choices), (_("Professionals"), pro_choices)]

    def target(self) -> tuple[int, int | None]:
        """(organisation id, user id or None)."""
        parts = self.cleaned_data["participant"].split(":")
        if parts[0] == "pro":
            return int(parts[2]), int(parts[1])
        return int(parts[1]), None


class ParticipantEndForm(Form):
    reason = forms.CharField(label=_("Why does this participation end?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}))
