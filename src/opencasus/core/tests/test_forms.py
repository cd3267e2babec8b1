"""Every form gets the NL Design System widget classes, and date fields are date inputs with ISO values."""

from __future__ import annotations

import datetime as dt

from django import forms

from opencasus.core.forms import Form


class Sample(Form):
    name = forms.CharField(label="Naam")
    born = forms.DateField(label="Geboren")
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")])
    note = forms.CharField(label="Notitie", widget=forms.Textarea)
    own = forms.CharField(label="Eigen", widget=forms.TextInput(attrs={"class": "utrecht-textbox extra"}))
    version = forms.IntegerField(widget=forms.HiddenInput)


def test_widgets_get_component_classes_once() -> None:
    html = str(Sample())
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in html
    assert 'class="utrecht-select"' in html
    assert 'class="utrecht-textarea"' in html
    assert 'class="utrecht-textbox extra"' in html
    assert 'type="hidden" name="version" class' not in html


def test_a_date_field_is_a_date_input_filled_in_iso() -> None:
    form = Sample(initial={"born": dt.date(2026, 12, 3)})
    html = str(form["born"])
    assert 'type="date"' in html
    assert 'value="2026-12-03"' in html


def test_a_date_input_accepts_the_iso_value_the_browser_sends() -> None:
    form = Sample(data={"name": "x", "born": "2026-12-03", "kind": "a", "note": "n", "own": "o", "version": 1})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["born"] == dt.date(2026, 12, 3)
