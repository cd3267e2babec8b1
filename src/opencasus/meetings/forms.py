from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.accounts.models import User
from opencasus.cases import selectors as case_selectors
from opencasus.cases.models import Case
from opencasus.core.enhance import GroupedSelect, group_by
from opencasus.core.forms import Form, ModelForm
from opencasus.meetings.models import Meeting, Score, SelfReportKind
from opencasus.network import selectors as network_selectors
from opencasus.network.models import House, Organisation


class MeetingForm(ModelForm):
    house = forms.ModelChoiceField(label=_("House"), queryset=House.objects.none())
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = ["meeting_type", "date", "start_time", "location", "video_link", "chair", "secretary"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args: Any, houses: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        house_ids = [h.pk for h in houses]
        if self.instance.pk:
            del self.fields["house"]
            house_ids = [self.instance.house_id]
        else:
            cast(Any, self.fields["house"]).queryset = network_selectors.houses_by_id(house_ids)
            if len(house_ids) == 1:
                self.fields["house"].initial = house_ids[0]
        cast(Any, self.fields["meeting_type"]).queryset = network_selectors.active_meeting_types(house_ids=house_ids)
        staff = network_selectors.core_staff_users(house_ids=house_ids).order_by("last_name")
        cast(Any, self.fields["chair"]).queryset = staff
        cast(Any, self.fields["secretary"]).queryset = staff
        for name in ("chair", "secretary"):
            cast(Any, self.fields[name]).label_from_instance = lambda u: u.get_full_name() or u.username


class AgendaItemAddForm(Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=Case.objects.none())
    minutes = forms.IntegerField(label=_("Length (minutes)"), min_value=5, max_value=240, required=False,
                                 help_text=_("Empty: the meeting type's usual slot."))

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["case"]).queryset = cases
        cast(Any, self.fields["case"]).label_from_instance = lambda c: c.reference


class AgendaItemForm(Form):
    minutes = forms.IntegerField(label=_("Length (minutes)"), min_value=5, max_value=240)
    organisations = forms.ModelMultipleChoiceField(label=_("Organisations needed"), required=False,
                                                   queryset=Organisation.objects.none(),
                                                   widget=forms.CheckboxSelectMultiple)
    professionals = forms.ModelMultipleChoiceField(label=_("Professionals needed"), required=False,
                                                   queryset=User.objects.none(),
                                                   widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, case_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["organisations"]).queryset = case_selectors.participating_organisations(case_id=case_id)
        cast(Any, self.fields["professionals"]).queryset = case_selectors.participating_professionals(case_id=case_id)
        cast(Any, self.fields["professionals"]).label_from_instance = (
            lambda u: u.get_full_name() or u.username)


class MinutesForm(Form):
    picture_forming = forms.CharField(label=_("Picture-forming"), required=False, widget=forms.Textarea(
        attrs={"rows": 5}), help_text=_("What do the partners know? The facts and signals, per life domain."))
    judgement = forms.CharField(
        label=_("Judgement"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What do the partners make of it? Risks, protective factors, what is needed."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DecisionForm(Form):
    description = forms.CharField(label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    owner_organisation = forms.ModelChoiceField(label=_("Owner organisation"), required=False,
                                                queryset=Organisation.objects.none())
    owner_user = forms.ModelChoiceField(label=_("Owner professional"), required=False, queryset=User.objects.none(),
                                        widget=GroupedSelect)
    deadline = forms.DateField(label=_("Deadline"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args: Any, case_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["owner_organisation"]).queryset = case_selectors.participating_organisations(
            case_id=case_id)
        cast(Any, self.fields["owner_user"]).queryset = case_selectors.participating_professionals(case_id=case_id)
        cast(Any, self.fields["owner_user"]).label_from_instance = (
            lambda u: u.get_full_name() or u.username)
        widget = cast(GroupedSelect, self.fields["owner_user"].widget)
        widget.groups = group_by(case_selectors.professional_organisations(case_id=case_id))
        widget.attrs["data-oc-filter-by"] = self.add_prefix("owner_organisation")


class SelfReportForm(Form):
    kind = forms.ChoiceField(label=_("Moment"), choices=SelfReportKind.choices)
    goals_score = forms.TypedChoiceField(label=_("How far were the goals reached?"), choices=Score.choices,
                                         coerce=int, widget=forms.RadioSelect)
    cooperation_score = forms.TypedChoiceField(label=_("How did the cooperation go?"), choices=Score.choices,
                                               coerce=int, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionDeadlineForm(Form):
    """The process director corrects the deadline of a decision in the minutes."""

    deadline = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"},
                                                                                format="%Y-%m-%d"))
