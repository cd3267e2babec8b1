"""The regie scan through the API: start, answer with a version, submit, results in camelCase; the questionnaire."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.regiescan import selectors
from opencasus.regiescan.tests.factories import scan_world

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def test_an_officer_starts_answers_and_submits_a_scan(api_client: Callable[[User], APIClient]) -> None:
    z = scan_world()
    api = api_client(z.officer)
    body = {"houseId": z.house.pk, "municipalityCode": z.municipalities[0].code, "year": YEAR}
    created = api.post("/api/v1/regie-scans", body, format="json")
    assert created.status_code == 201, created.content
    scan = created.json()
    assert scan["status"] == "draft"
    assert scan["total"] == 18
    assert scan["themes"][0]["name"] == "Visie en ambitie"
    assert api.post("/api/v1/regie-scans", body, format="json").status_code == 409
    questions = [q["id"] for t in scan["themes"] for q in t["questions"]]
    path = f"/api/v1/regie-scans/{scan['id']}"
    answers = {"answers": [{"questionId": q, "value": 1} for q in questions]}
    assert api.put(f"{path}/answers", answers, format="json").status_code == 428
    assert api.put(f"{path}/answers", {**answers, "version": 7}, format="json").status_code == 409
    saved = api.put(f"{path}/answers", answers, format="json", HTTP_IF_MATCH=f'"{scan["version"]}"')
    assert saved.status_code == 200
    assert saved["ETag"] == '"2"'
    assert saved.json()["themes"][0]["tip"]  # a score of 0 shows the theme's tips
    submitted = api.post(f"{path}/submission", {"version": 2}, format="json")
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    again = api.post(f"{path}/submission", {}, format="json")
    assert again.status_code == 409
    assert again.json()["type"].endswith("invalid-transition")
    shown = api.get(path).json()
    assert shown["themes"][0]["regionAverage"] == {"municipalities": None, "average": None, "suppressed": True}
    assert shown["trend"] == [{"year": YEAR, "scores": {t["key"]: 0.0 for t in shown["themes"]}}]
    listed = api.get("/api/v1/regie-scans", {"year": str(YEAR), "status": "submitted"}).json()
    assert [s["id"] for s in listed["results"]] == [scan["id"]]
    assert api.get("/api/v1/regie-scans", {"status": "klaar"}).status_code == 400


def test_a_value_off_the_scale_is_refused_in_dutch(api_client: Callable[[User], APIClient]) -> None:
    z = scan_world()
    api = api_client(z.officer)
    scan = api.post("/api/v1/regie-scans", {"houseId": z.house.pk, "municipalityCode": z.municipalities[0].code,
                                            "year": YEAR}, format="json").json()
    question = scan["themes"][0]["questions"][0]["id"]
    other_house_question = selectors.questionnaire(house_id=z.other_house.pk).active_questions[0].pk
    for answers in ([{"questionId": question, "value": 6}], [{"questionId": other_house_question, "value": 2}]):
        response = api.put(f"/api/v1/regie-scans/{scan['id']}/answers", {"answers": answers, "version": 1},
                           format="json")
        assert response.status_code == 400, response.content
        assert "vraag" in str(response.json()).lower() or "antwoord" in str(response.json()).lower()


def test_the_house_sets_its_questionnaire(api_client: Callable[[User], APIClient]) -> None:
    z = scan_world()
    api = api_client(z.w.administrator)
    base = f"/api/v1/houses/{z.house.pk}"
    qn = api.get(f"{base}/regie-scan-questionnaire").json()
    assert qn["settings"] == {"scalePoints": 5, "tipBelow": 60, "version": 1}
    theme = qn["themes"][0]
    changed = api.put(f"{base}/regie-scan-themes/{theme['id']}", {"name": "Visie", "tip": "Schrijf haar op.",
                                                                  "active": True, "version": theme["version"]},
                      format="json")
    assert changed.status_code == 200
    assert changed.json()["themes"][0]["name"] == "Visie"
    added = api.post(f"{base}/regie-scan-questions", {"themeId": theme["id"], "text": "Nieuw?", "weight": 2},
                     format="json")
    assert added.status_code == 201
    assert added.json()["themes"][0]["questions"][-1]["text"] == "Nieuw?"
    assert api.put(f"{base}/regie-scan-settings", {"scalePoints": 7, "tipBelow": 50}, format="json").status_code == 428
    assert api.put(f"{base}/regie-scan-settings", {"scalePoints": 7, "tipBelow": 50, "version": 1},
                   format="json").json()["settings"]["scalePoints"] == 7
    new_theme = api.post(f"{base}/regie-scan-themes", {"name": "Preventie", "tip": ""}, format="json")
    assert new_theme.status_code == 201
    assert new_theme.json()["themes"][-1]["key"] == "preventie"
