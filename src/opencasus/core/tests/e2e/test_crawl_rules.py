"""The text rules of the page crawl find what they are meant to find, and leave Dutch text alone."""

from __future__ import annotations

from opencasus.core.tests.e2e.crawl_rules import text_problems

CODES = {"case-conference", "process_director"}


def test_dutch_text_passes() -> None:
    text = ("Casus ZHZ-2026-0013 · Weegoverleg di 8 dec. · 3 december 2026, 14:05 · Procesregisseur · "
            "Zuid-Holland Zuid · e-mail · Jan de Vries · 12 agendapunten")
    assert text_problems(text, CODES) == []


def test_code_values_are_found() -> None:
    assert text_problems("procesregisseur (process_director)", CODES) == [
        "code values visible: ['process_director']"]
    assert text_problems("Activiteit: case-conference", CODES) == ["code values visible: ['case-conference']"]
    assert text_problems("veld incident_date ontbreekt", set()) == ["code values visible: ['incident_date']"]
    assert text_problems("veld incident_date ontbreekt", set(), {"incident_date"}) == []


def test_english_dates_are_found() -> None:
    assert text_problems("Ingediend 3 Dec 2026", set()) == ["English month/day names: ['3 Dec']"]
    assert text_problems("Weegoverleg Tue 8", set()) == ["English month/day names: ['Tue 8']"]
    assert text_problems("Volgende: Tuesday", set()) == ["English month/day names: ['Tuesday']"]


def test_internal_ids_are_found() -> None:
    assert text_problems("Agendapunt (overleg 3)", set()) == ["internal ids visible: ['(overleg 3)']"]
    assert text_problems("Afspraak #12 is te laat", set()) == ["internal ids visible: ['#12']"]
    assert text_problems("Afspraak 123 verlopen", set()) == ["internal ids visible: ['Afspraak 123']"]
