from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.reporting.selectors.period import default_period

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class PeriodForm(Form):
    date_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            raise forms.ValidationError(_("The end date lies before the start date."))
        return data

    @classmethod
    def initial_values(cls) -> dict[str, dt.date]:
        period = default_period()
        return {"date_from": period.date_from, "date_to": period.date_to}


class IncidentUploadForm(Form):
    file = forms.FileField(label=_("CSV file from the police"),
                           help_text=_("Columns: person_pseudonym,incident_date,count and optionally source "
                                       "(see the manual)."))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 20 MB)."))
        return upload


class AdviceForm(Form):
    case = forms.TypedChoiceField(label=_("Area or theme case"), coerce=int)
    municipality = forms.ChoiceField(label=_("Municipality advised"), required=False,
                                     help_text=_("Leave empty for the case's own municipality."))
    text = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000)

    def __init__(self, *args: Any, cases: list[Any], municipalities: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case_field = self.fields["case"]
        municipality_field = self.fields["municipality"]
        assert isinstance(case_field, forms.TypedChoiceField)
        assert isinstance(municipality_field, forms.ChoiceField)
        case_field.choices = [(c.pk, f"{c.reference} — {c.municipality.name}") for c in cases]
        municipality_field.choices = [("", "—"), *[(m.code, m.name) for m in municipalities]]


class KeyListExportForm(PeriodForm):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Why the police need the list now. A second export of the same "
                                         "measurement needs a new reason."))
