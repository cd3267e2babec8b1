"""Forms of the triage table with its partners. They collect input; the services validate and decide."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.forms import Form
from opencasus.network.models import MeetingType, Organisation
from opencasus.triage.models import AnswerScope

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise  # the stubs' type of a lazy translation

TEXTAREA = {"rows": 4, "class": "utrecht-textarea"}
CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"})


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def _life_domains(label: str | _StrPromise, required: bool = True) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=LifeDomain.choices, required=required, widget=CHECKBOXES)


class StandingMemberForm(Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    user = forms.TypedChoiceField(label=_("Named professional"), coerce=int, required=False, empty_value=None,
                                  help_text=_("Leave empty to give the seat to the organisation: all its partner "
                                              "professionals of this house sit at the table."))
    meeting_type = forms.TypedChoiceField(label=_("Seat at"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, organisations: Iterable[Organisation], meeting_types: Iterable[MeetingType],
                 professionals: Iterable[tuple[int, int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "organisation").choices = [("", _("Choose an organisation")),
                                               *((o.pk, o.name) for o in organisations)]
        _choice_field(self, "user").choices = [("", _("The whole organisation")),
                                       *((user_id, label) for user_id, _org, label in professionals)]
        _choice_field(self, "meeting_type").choices = [("", _("The triage table")),
                                               *((m.pk, m.name) for m in meeting_types)]


class EndForm(Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)


class SessionForm(Form):
    house = forms.TypedChoiceField(label=_("House"), coerce=int)
    date = forms.DateField(label=_("Date"))

    def __init__(self, *args: Any, houses: Iterable[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "house").choices = [(h.pk, h.name) for h in houses]


class SessionIntakesForm(Form):
    cases = forms.TypedMultipleChoiceField(label=_("Intakes from the queue"), coerce=int, widget=CHECKBOXES)

    def __init__(self, *args: Any, cases: Iterable[Case], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "cases").choices = [(c.pk, c.reference) for c in cases]


class MinutesForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    minutes = forms.CharField(label=_("Minutes"), required=False, max_length=10000,
                              widget=forms.Textarea(attrs={"rows": 6, "class": "utrecht-textarea"}),
                              help_text=_("Short: who was present, what was discussed; the decisions are recorded "
                                          "per intake."))


class ContributionForm(Form):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    text = forms.CharField(label=_("Contribution"), max_length=10000, widget=forms.Textarea(attrs=TEXTAREA))
    life_domains = _life_domains(_("Life domains it concerns"))

    def __init__(self, *args: Any, organisations: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(o.pk, o.name) for o in organisations]
        _choice_field(self, "organisation").choices = choices
        if len(choices) == 1:
            self.fields["organisation"].initial = choices[0][0]


class RequestForm(Form):
    organisation = forms.TypedChoiceField(label=_("Ask of"), coerce=int)
    persons = forms.TypedMultipleChoiceField(label=_("About"), coerce=int, widget=CHECKBOXES)
    life_domains = _life_domains(_("Life domains"))
    question = forms.CharField(label=_("Question"), max_length=10000, widget=forms.Textarea(attrs=TEXTAREA))
    due_date = forms.DateField(label=_("Answer by"))

    def __init__(self, *args: Any, organisations: Iterable[Organisation], persons: Iterable[Person],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "organisation").choices = [("", _("Choose an organisation")),
                                               *((o.pk, o.name) for o in organisations)]
        _choice_field(self, "persons").choices = [(p.pk, f"{p.first_name} {p.last_name} ({p.get_relation_display()})")
                                          for p in persons]


class AnswerForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Answer"), max_length=10000, widget=forms.Textarea(attrs=TEXTAREA))
    life_domains = _life_domains(_("Life domains"), required=False)
    sharing_scope = forms.ChoiceField(label=_("Shared with"), choices=AnswerScope.choices,
                                      initial=AnswerScope.TRIAGE_TABLE,
                                      widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button "
                                                                               "utrecht-radio-button--html-input"}))
    legal_basis = forms.CharField(label=_("Legal basis for sharing"), max_length=300,
                                  help_text=_("For example: the privacy covenant of the house, article 5."))
