"""Forms for the intake and the case page. The services decide; the forms parse and label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from opencasus.cases.services import PartnerData, PersonData
from opencasus.cases.services.intake import validate_bsn_input
from opencasus.cases.vocabulary import LifeDomain, PeopleInformed, Relation, Route, SharingScope, SubjectType, Urgency
from opencasus.cases.workflow import Status
from opencasus.core.forms import Form
from opencasus.network.models import House, Municipality, Organisation, TargetGroup

WIDGET_CLASSES = {
    "textarea": "utrecht-textarea", "select": "utrecht-select",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkboxselectmultiple": "utrecht-checkbox", "clearablefileinput": "utrecht-textbox",
}


def _field(form: forms.Form, name: str) -> Any:
    return form.fields[name]


class StyledForm(Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for bound in self.visible_fields():
            widget = bound.field.widget
            css = WIDGET_CLASSES.get(bound.widget_type, "utrecht-textbox")
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if bound.help_text:
                widget.attrs["aria-describedby"] = f"{bound.auto_id}_helptext"

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        for key, messages in errors.items():
            for message in messages:
                self.add_error(key if key in self.fields else None, message)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class UnechoedInput(forms.TextInput):
    """A text field whose value is never rendered back (a BSN in a redisplayed form)."""

    def format_value(self, value: Any) -> None:
        return None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def filing_key(house: House, organisation: Organisation) -> str:
    return f"{house.pk}:{organisation.pk}"


class IntakeForm(StyledForm):
    filing_as = forms.ChoiceField(label=_("House and organisation you file for"))
    reason = forms.CharField(label=_("Reason for the intake"), widget=forms.Textarea(attrs={"rows": 4}))
    requested_purpose = forms.CharField(label=_("What do you want to achieve?"),
                                        widget=forms.Textarea(attrs={"rows": 3}))
    route = forms.ChoiceField(label=_("Route"), choices=Route.choices)
    release_date = forms.DateField(label=_("Release date (after-care only)"), required=False, widget=DateInput())
    target_group = forms.ModelChoiceField(label=_("Target group or theme"), queryset=TargetGroup.objects.none(),
                                          required=False)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, initial=Urgency.NORMAL)
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    neighbourhood = forms.CharField(label=_("Neighbourhood"), max_length=150, required=False)
    area_description = forms.CharField(label=_("Description of the area or theme"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))
    running_trajectories = forms.CharField(label=_("Running trajectories known elsewhere"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 2}))
    people_informed = forms.ChoiceField(label=_("Were the people concerned told about this intake?"),
                                        choices=PeopleInformed.choices, widget=forms.RadioSelect)
    not_informed_reason = forms.CharField(label=_("If not: why not?"), required=False,
                                          widget=forms.Textarea(attrs={"rows": 2}))
    attachments = MultipleFileField(label=_("Attachments"), required=False,
                                    help_text=_("PDF, DOCX, ODT, PNG, JPG or TXT; at most 10 MB per file."))

    def __init__(self, *args: Any, subject_type: str, choices: Sequence[tuple[House, Organisation]],
                 target_groups: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subject_type = subject_type
        self.pairs = {filing_key(h, o): (h, o) for h, o in choices}
        _field(self, "filing_as").choices = [(filing_key(h, o), f"{h.name} — {o.name}") for h, o in choices]
        _field(self, "target_group").queryset = target_groups
        _field(self, "municipality").queryset = municipalities
        if subject_type == SubjectType.AREA:
            self.fields["area_description"].required = True
        else:
            del self.fields["area_description"]

    def filing(self) -> tuple[House, Organisation]:
        return self.pairs[self.cleaned_data["filing_as"]]


class PersonForm(StyledForm):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DateInput(), required=False)
    bsn = forms.CharField(label=_("BSN (if known)"), max_length=11, required=False, validators=[validate_bsn_input],
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    address = forms.CharField(label=_("Address"), max_length=250, required=False)
    municipality = forms.ModelChoiceField(label=_("Municipality of residence"), queryset=Municipality.objects.none(),
                                          required=False)
    relation = forms.ChoiceField(label=_("Relation"), choices=Relation.choices)

    def __init__(self, *args: Any, municipalities: Any = None, default_relation: str = Relation.SUBJECT,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            _field(self, "municipality").queryset = municipalities
        # An empty row submits its select's selected value: with it as the initial, the row stays "unchanged".
        self.fields["relation"].initial = default_relation

    def data_object(self) -> PersonData:
        d = self.cleaned_data
        return PersonData(first_name=d["first_name"], last_name=d["last_name"], date_of_birth=d["date_of_birth"],
                          bsn=d.get("bsn") or "", address=d.get("address") or "", municipality=d.get("municipality"),
                          relation=d["relation"])


class BasePersonFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def filled_forms(self) -> list[PersonForm]:
        return [f for f in self.forms if f.has_changed() and f.is_valid()]

    def add_non_form_error(self, message: str) -> None:
        existing: list[Any] = list(self.non_form_errors())  # cleans the formset first if needed
        self._non_form_errors = self.error_class([*existing, message], error_class="nonform")


class PartnerForm(StyledForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(),
                                          required=False)
    organisation_name = forms.CharField(label=_("Or the name, if not in the list"), max_length=200, required=False)
    contact = forms.CharField(label=_("Contact person and details"), max_length=250, required=False)

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            _field(self, "organisation").queryset = organisations

    def data_object(self) -> PartnerData:
        d = self.cleaned_data
        return PartnerData(organisation=d.get("organisation"), organisation_name=d.get("organisation_name") or "",
                           contact=d.get("contact") or "")


MAX_PERSONS = 30
MAX_PARTNERS = 20


def person_formset(subject_type: str) -> type[BasePersonFormSet]:
    """Rows start with what the kind of intake needs; "Add a person" and "Remove" change them (no fixed slots)."""
    extra = {"person": 1, "system": 2, "area": 0}[subject_type]
    formset: Any = forms.formset_factory(PersonForm, formset=BasePersonFormSet, extra=extra, max_num=MAX_PERSONS,
                                         min_num=0, validate_max=True)
    return formset  # type: ignore[no-any-return]


PartnerFormSet = forms.formset_factory(PartnerForm, extra=1, max_num=MAX_PARTNERS, validate_max=True)


class CaseFilterForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Status.choices])
    subject_type = forms.ChoiceField(label=_("Subject"), required=False,
                                     choices=[("", _("All")), *SubjectType.choices])
    route = forms.ChoiceField(label=_("Route"), required=False, choices=[("", _("All")), *Route.choices])
    feedback = forms.BooleanField(label=_("Only intakes I filed that have feedback"), required=False)
    participating = forms.BooleanField(label=_("Only cases where I was added"), required=False)
    directing = forms.BooleanField(label=_("Only cases I direct as process director"), required=False)


class InformationItemForm(StyledForm):
    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    person = forms.TypedChoiceField(label=_("Concerns"), coerce=int, required=False, empty_value=None)
    life_domain = forms.ChoiceField(label=_("Life domain"), choices=LifeDomain.choices)
    text = forms.CharField(label=_("Information"), widget=forms.Textarea(attrs={"rows": 5}))
    sharing_scope = forms.ChoiceField(label=_("Shared with"), choices=SharingScope.choices, widget=forms.RadioSelect)
    shared_with = forms.TypedMultipleChoiceField(label=_("Named organisations"), coerce=int, required=False,
                                                 widget=forms.CheckboxSelectMultiple)
    legal_basis = forms.CharField(label=_("Legal basis for sharing"), max_length=300)

    def __init__(self, *args: Any, organisations: Sequence[Organisation], persons: Sequence[Any],
                 participating: Sequence[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "organisation").choices = [(o.pk, o.name) for o in organisations]
        _field(self, "person").choices = [("", _("The case as a whole"))] + [(p.pk, str(p)) for p in persons]
        _field(self, "shared_with").choices = [(o.pk, o.name) for o in participating]


class AttachmentForm(StyledForm):
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, ODT, PNG, JPG or TXT; at most 10 MB."))
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    sharing_scope = forms.ChoiceField(
        label=_("Shared with"), widget=forms.RadioSelect, initial=SharingScope.TRIAGE_TABLE,
        choices=[(SharingScope.TRIAGE_TABLE, SharingScope.TRIAGE_TABLE.label),
                 (SharingScope.ALL_PARTICIPANTS, SharingScope.ALL_PARTICIPANTS.label)])


def split_service_errors(exc: ValidationError) -> dict[str, list[str]]:
    return {k: list(v) for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {
        "__all__": list(exc.messages)}


class CaseSearchForm(StyledForm):
    q = forms.CharField(label=_("Reference or name"), required=False, max_length=200)
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    bsn = forms.CharField(label=_("BSN"), required=False, max_length=20, validators=[validate_bsn_input],
                          help_text=_("Exact match; the number is not shown back."),
                          widget=UnechoedInput(attrs={"autocomplete": "off", "inputmode": "numeric"}))
    municipality = forms.ModelChoiceField(label=_("Municipality"), required=False, queryset=Municipality.objects.none())
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Status.choices])

    def __init__(self, *args: Any, municipalities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            _field(self, "municipality").queryset = municipalities
        _field(self, "municipality").empty_label = _("All")

    def clean_bsn(self) -> str:
        value: str = self.cleaned_data.get("bsn") or ""
        return value.strip()
