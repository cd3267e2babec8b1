"""Text checks shared by forms and serializers: format characters and line breaks."""

import sys
import unicodedata
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from rest_framework import serializers

from opencasus.core.api.serializers import Serializer
from opencasus.core.forms import Form
from opencasus.core.text import refuse_control_characters, refuse_line_breaks

FORMAT_CHARACTERS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]


def test_every_format_character_and_the_separators_are_refused() -> None:
    assert len(FORMAT_CHARACTERS) > 150
    for char in [*FORMAT_CHARACTERS, "\u2028", "\u2029"]:
        with pytest.raises(ValidationError):
            refuse_control_characters(f"Jan{char}sen")


@pytest.mark.parametrize("value", ["Çelik-Öztürk", "حسن", "Zorg 🌷", "regel\nregel", "regel\r\nregel", "a\tb"])
def test_ordinary_text_passes(value: str) -> None:
    refuse_control_characters(value)


def test_line_breaks_are_refused_in_a_single_line() -> None:
    refuse_line_breaks("Jansen")
    for value in ["Jansen\nPietersen", "Jansen\r\nPietersen", "Jansen\r"]:
        with pytest.raises(ValidationError):
            refuse_line_breaks(value)


class _NameForm(Form):
    name = forms.CharField(max_length=200)
    note = forms.CharField(widget=forms.Textarea, required=False)


class _Body(Serializer[Any]):
    name = serializers.CharField(max_length=200)
    note = serializers.CharField(required=False)


def test_a_form_names_the_field_in_dutch() -> None:
    with translation.override("nl"):
        form = _NameForm({"name": "Jansen\u202egpj.exe", "note": "Eerste\nTweede\u200b"})
        assert not form.is_valid()
        assert "onzichtbaar opmaakteken" in form.errors["name"][0]
        assert "onzichtbaar opmaakteken" in form.errors["note"][0]
        form = _NameForm({"name": "Jansen\nPietersen", "note": "Eerste\r\nTweede"})
        assert not form.is_valid()
        assert list(form.errors) == ["name"]
        assert "regelovergang" in form.errors["name"][0]


def test_a_serializer_names_the_field_in_dutch() -> None:
    with translation.override("nl"):
        body = _Body(data={"name": "\ufeffJansen", "note": "Eerste\u2028Tweede"})
        assert not body.is_valid()
        assert "onzichtbaar opmaakteken" in str(body.errors["name"][0])
        assert "onzichtbaar opmaakteken" in str(body.errors["note"][0])
        assert _Body(data={"name": "Jansen", "note": "Eerste\r\nTweede"}).is_valid()


def test_a_name_in_the_api_refuses_a_line_break_as_its_form_field_does() -> None:
    from rest_framework import serializers

    from opencasus.core.api.serializers import Serializer

    class PersonIn(Serializer):
        last_name = serializers.CharField(max_length=200)
        note = serializers.CharField()

    refused = PersonIn(data={"last_name": "Jansen\nadmin", "note": "regel een\nregel twee"})
    assert not refused.is_valid()
    assert list(refused.errors) == ["last_name"]
