from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.regiescan.models import MAX_SCALE, MAX_WEIGHT, MIN_SCALE, NAME_LENGTH, QUESTION_LENGTH, TIP_LENGTH
from opencasus.regiescan.selectors import Fillable, ScanView


class StartForm(Form):
    target = forms.ChoiceField(label=_("Municipality"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=9999)

    def __init__(self, *args: Any, fillable: list[Fillable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(f"{f.house.pk}:{f.municipality.pk}", f"{f.municipality.name} ({f.house.name})")
                         for f in fillable]

    def target_ids(self) -> tuple[int, int]:
        house, municipality = self.cleaned_data["target"].split(":")
        return int(house), int(municipality)


class AnswersForm(Form):
    """One radio group per question of the scan (optional while saving a draft)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, view: ScanView, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scale = view.submission.scale_points
        choices = [(str(n), str(n)) for n in range(1, scale + 1)]
        self.question_fields: dict[int, str] = {}
        for result in view.themes:
            for question, value in result.questions:
                name = f"q{question.pk}"
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text, choices=choices, coerce=int, required=False, empty_value=None,
                    widget=forms.RadioSelect)
                self.initial.setdefault(name, value)
                self.question_fields[question.pk] = name

    def sections(self, view: ScanView) -> list[tuple[Any, list[forms.BoundField]]]:
        """Per theme of the scan: the theme and the bound fields of its questions."""
        return [(r.theme, [self[self.question_fields[q.pk]] for q, _v in r.questions]) for r in view.themes]

    def answers(self) -> dict[int, int | None]:
        return {pk: self.cleaned_data.get(name) for pk, name in self.question_fields.items()}


class SettingsForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    scale_points = forms.IntegerField(label=_("Points on the answer scale"), min_value=MIN_SCALE, max_value=MAX_SCALE,
                                      help_text=_("Every question is answered from 1 (not at all) up to this number "
                                                  "(fully). Applies to scans started from now on."))
    tip_below = forms.IntegerField(label=_("Show the tips of a theme below this score (%)"), min_value=0,
                                   max_value=100)


class ThemeForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    name = forms.CharField(label=_("Name"), max_length=NAME_LENGTH)
    tip = forms.CharField(label=_("Tips when the score is low"), max_length=TIP_LENGTH, required=False,
                          widget=forms.Textarea(attrs={"rows": 5}))
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999)
    active = forms.BooleanField(label=_("In use"), required=False)


class QuestionForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    theme = forms.TypedChoiceField(label=_("Theme"), coerce=int)
    text = forms.CharField(label=_("Question"), max_length=QUESTION_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 3}))
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=MAX_WEIGHT,
                                help_text=_("How much the question counts in its theme's score (1 to 5)."))
    active = forms.BooleanField(label=_("In use"), required=False,
                                help_text=_("A question that was answered is taken out of use rather than "
                                            "removed, so earlier scores stay as they were."))

    def __init__(self, *args: Any, themes: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["theme"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = themes
