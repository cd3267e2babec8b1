"""Stored codes are shown by name."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from opencasus.network.labels import activity_label, role_label


def test_role_codes_become_role_names() -> None:
    with translation.override("nl"):
        assert role_label("process_director") == "Procesregisseur"
        assert role_label("process_director,secretary") == "Procesregisseur, Secretaris"
        assert role_label("") == ""


def test_activity_codes_become_register_names() -> None:
    assert activity_label("case-conference") == "Casusoverleg"
    assert activity_label("action-plan") == "Integraal plan van aanpak en monitoring"
    assert activity_label(None) == ""


def test_template_filters() -> None:
    with translation.override("nl"):
        out = Template("{% load oc %}{{ r|role_label }} / {{ a|activity_label }}").render(
            Context({"r": "secretary", "a": "case-conference"}))
    assert out == "Secretaris / Casusoverleg"
