"""The regie scan pages: the officer starts, answers and submits; bad input keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.regiescan import selectors
from opencasus.regiescan.models import ScanStatus, Submission
from opencasus.regiescan.tests.factories import scan_world

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def test_an_officer_fills_in_the_scan_on_the_page(verified_client: Callable[[User], Client]) -> None:
    z = scan_world()
    page = verified_client(z.officer)
    index = page.get("/regiescan")
    assert index.status_code == 200
    assert "Scan starten" in index.content.decode()
    target = f"{z.house.pk}:{z.municipalities[0].pk}"
    response = page.post("/regiescan/starten", {"target": target, "year": YEAR})
    scan = Submission.objects.get(house=z.house, municipality=z.municipalities[0], year=YEAR)
    assert response.status_code == 302
    assert response["Location"] == f"/regiescan/{scan.pk}"
    again = page.post("/regiescan/starten", {"target": target, "year": YEAR})
    assert again.status_code == 400
    assert "heeft al een regiescan" in again.content.decode()
    questions = selectors.questionnaire(house_id=z.house.pk).active_questions
    data = {"version": "1", **{f"q{q.pk}": "3" for q in questions[:-1]}}
    refused = page.post(f"/regiescan/{scan.pk}", {**data, "submit": "1"})
    assert refused.status_code == 400
    assert "Beantwoord elke vraag" in refused.content.decode()
    assert 'value="3" checked' in refused.content.decode() or "checked" in refused.content.decode()
    saved = page.post(f"/regiescan/{scan.pk}", {**data, "save": "1"})
    assert saved.status_code == 302
    submitted = page.post(f"/regiescan/{scan.pk}", {"version": "2", **{f"q{q.pk}": "3" for q in questions},
                                                   "submit": "1"})
    assert submitted.status_code == 302
    scan.refresh_from_db()
    assert scan.status == ScanStatus.SUBMITTED
    shown = page.get(f"/regiescan/{scan.pk}").content.decode()
    assert "Score per thema" in shown
    assert "onderdrukt" in shown
    assert "Antwoorden" not in shown


def test_the_manager_edits_a_question_on_the_page(verified_client: Callable[[User], Client]) -> None:
    z = scan_world()
    page = verified_client(z.w.manager)
    config = page.get(f"/huizen/{z.house.pk}/regiescan")
    assert config.status_code == 200
    assert "Visie en ambitie" in config.content.decode()
    question = selectors.questionnaire(house_id=z.house.pk).active_questions[0]
    url = f"/huizen/{z.house.pk}/regiescan/vragen/{question.pk}"
    bad = page.post(url, {"version": "1", "theme": str(question.theme_id), "text": "", "weight": "9"})
    assert bad.status_code == 400
    ok = page.post(url, {"version": "1", "theme": str(question.theme_id), "text": "Anders?", "weight": "2",
                         "active": "on"})
    assert ok.status_code == 302
    question.refresh_from_db()
    assert (question.text, question.weight) == ("Anders?", 2)
