"""Dates as Dutch readers expect them, in both interface languages."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Template
from django.utils import translation

from opencasus.core.dates import date_time, long_date, short_date


def test_dutch_long_short_and_with_time() -> None:
    with translation.override("nl"):
        assert long_date(dt.date(2026, 12, 3)) == "3 december 2026"
        assert short_date(dt.date(2026, 12, 8)) == "di 8 dec."
        assert short_date(dt.date(2026, 5, 5)) == "di 5 mei"
        # 13:05 UTC is 14:05 in Amsterdam in winter.
        assert date_time(dt.datetime(2026, 12, 3, 13, 5, tzinfo=dt.UTC)) == "3 december 2026, 14:05"


def test_english_for_a_user_who_chose_english() -> None:
    with translation.override("en"):
        assert long_date(dt.date(2026, 12, 3)) == "3 December 2026"
        assert short_date(dt.date(2026, 12, 8)) == "Tue 8 Dec"


def test_an_iso_date_text_reads_as_a_date() -> None:
    """Dates kept in JSON (a plan proposal's agreements) are ISO texts."""
    with translation.override("nl"):
        assert long_date("2027-01-11") == "11 januari 2027"
    assert long_date("not a date") == ""


def test_no_date_is_empty() -> None:
    assert long_date(None) == short_date("") == date_time(None) == ""


def test_the_date_filter_uses_the_dutch_formats() -> None:
    with translation.override("nl"):
        rendered = Template('{% load oc %}{{ d|date }}|{{ d|short_date }}|{{ d|long_date }}').render(
            Context({"d": dt.date(2026, 12, 3)}))
    assert rendered == "3 december 2026|do 3 dec.|3 december 2026"


def test_status_badge_escapes_and_keeps_known_tones() -> None:
    rendered = Template('{% load oc %}{% status_badge label "warning" %}{% status_badge label "evil" %}').render(
        Context({"label": "<b>Te laat</b>"}))
    assert 'utrecht-status-badge--warning">&lt;b&gt;Te laat&lt;/b&gt;' in rendered
    assert "utrecht-status-badge--neutral" in rendered
