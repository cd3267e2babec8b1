"""Forms of the steering pages. Choices come from `governance.selectors`, passed in by the view."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.governance.models import MeetingLevel
from opencasus.plans.forms import VersionForm

TEXTAREA = {"rows": 3, "class": "utrecht-textarea"}
SELECT = {"class": "utrecht-select"}


class ThemeForm(Form):
    name = forms.CharField(label=_("Theme"), max_length=200,
                           help_text=_("E.g. ondermijning, huiselijk geweld, or a neighbourhood."))
    aims = forms.CharField(label=_("Aims"), widget=forms.Textarea(attrs=TEXTAREA),
                           help_text=_("What the region wants to achieve on this theme this year."))


class ThemeChangeForm(VersionForm, ThemeForm):
    pass


class AgendaChoiceForm(Form):
    """The region and year of the agenda shown (a GET form)."""

    region = forms.TypedChoiceField(label=_("Region"), coerce=int, widget=forms.Select(attrs=SELECT))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, regions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = regions  # type: ignore[attr-defined]


class MeetingForm(Form):
    level = forms.ChoiceField(label=_("Level"), choices=MeetingLevel.choices, widget=forms.RadioSelect)
    house = forms.TypedChoiceField(
        label=_("House"), coerce=int, widget=forms.Select(attrs=SELECT),
        help_text=_("Tactical: the house of the meeting. Strategic: a house of the steering group's region."))
    date = forms.DateField(label=_("Date"))
    title = forms.CharField(label=_("Title"), max_length=200)

    def __init__(self, *args: Any, houses: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["house"].choices = houses  # type: ignore[attr-defined]


class ItemForm(Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs=TEXTAREA))
    theme = forms.TypedChoiceField(label=_("Priority theme"), required=False, coerce=int, empty_value=None,
                                   widget=forms.Select(attrs=SELECT))

    def __init__(self, *args: Any, themes: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("No priority theme")), *themes]  # type: ignore[attr-defined]


class ActionForm(Form):
    description = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs=TEXTAREA))
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, widget=forms.Select(attrs=SELECT))
    deadline = forms.DateField(label=_("Deadline"))
    decision = forms.TypedChoiceField(label=_("Carries out decision"), required=False, coerce=int,
                                      empty_value=None, widget=forms.Select(attrs=SELECT))

    def __init__(self, *args: Any, owners: list[tuple[int, str]], decisions: list[tuple[int, str]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "—"), *owners]  # type: ignore[attr-defined]
        self.fields["decision"].choices = [("", _("No decision")), *decisions]  # type: ignore[attr-defined]


class EscalationForm(Form):
    escalation = forms.TypedChoiceField(label=_("Escalation discussed"), coerce=int, widget=forms.Select(attrs=SELECT),
                                        help_text=_("Escalations of the meeting's houses that reached its level. "
                                                    "The record shows only this summary, never the case's content."))

    def __init__(self, *args: Any, escalations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["escalation"].choices = escalations  # type: ignore[attr-defined]


class ActionStatusForm(VersionForm):
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, targets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = targets  # type: ignore[attr-defined]
