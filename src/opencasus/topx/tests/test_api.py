"""The Top X API: lists, criteria, proposals, the import, decisions and reviews; camelCase, ETags, 409 and 428."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.celery import app
from opencasus.topx.models import Candidate
from opencasus.topx.tests.factories import admitted_case_for, bsn, include, make_topx_world, propose

pytestmark = pytest.mark.django_db


def test_a_list_is_created_read_and_changed_with_its_version(api_client: Callable[[User], APIClient]) -> None:
    w = make_topx_world()
    client = api_client(w.director)
    response = client.post("/api/v1/topx-lists", {
        "houseId": w.triage.house.pk, "name": "Top X Jeugd", "reviewCycleMonths": 3,
        "criteria": [{"text": "Jonger dan 23", "maxScore": 3}, {"text": "Jeugdgroep"}],
        "exitCriteria": ["Een jaar geen incidenten"]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert [c["maxScore"] for c in body["criteria"]] == [3, 5]
    list_id = body["id"]
    got = client.get(f"/api/v1/topx-lists/{list_id}")
    assert got["ETag"] == '"1"'
    assert client.patch(f"/api/v1/topx-lists/{list_id}", {"theme": "x"}, format="json").status_code == 428
    assert client.patch(f"/api/v1/topx-lists/{list_id}", {"theme": "x", "version": 5},
                        format="json").status_code == 409
    changed = client.patch(f"/api/v1/topx-lists/{list_id}", {"theme": "Jeugdgroepen"}, format="json",
                           HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200
    assert changed.json()["theme"] == "Jeugdgroepen"
    criteria = client.get(f"/api/v1/topx-lists/{list_id}/criteria").json()
    assert [c["text"] for c in criteria["exitCriteria"]] == ["Een jaar geen incidenten"]


def test_propose_decide_and_review_through_the_api(api_client: Callable[[User], APIClient]) -> None:
    w = make_topx_world()
    t = w.triage
    proposed = api_client(t.police_pro).post("/api/v1/topx-candidates", {
        "listId": w.topx_list.pk, "organisationId": t.police.pk, "firstName": "Kevin", "lastName": "Jansen4",
        "bsn": bsn(4), "motivation": "Inbraken.",
        "scores": [{"position": 1, "score": 5}, {"position": 2, "score": 4}, {"position": 3, "score": 3}]},
        format="json")
    assert proposed.status_code == 201, proposed.content
    assert proposed.json()["access"] == "proposer"
    candidate = Candidate.objects.get(pk=proposed.json()["id"])
    case = admitted_case_for(w, candidate)
    client = api_client(w.director)
    decided = client.post(f"/api/v1/topx-candidates/{candidate.pk}/decision",
                          {"include": True, "grounds": "Hoge score.", "caseId": case.pk}, format="json")
    assert decided.status_code == 200, decided.content
    assert decided.json()["stage"] == "included"
    assert decided.json()["caseReference"] == case.reference
    assert decided.json()["nextReviewDate"]
    again = client.post(f"/api/v1/topx-candidates/{candidate.pk}/decision",
                        {"include": False, "grounds": "Toch niet."}, format="json")
    assert again.status_code == 409
    reviewed = client.post(f"/api/v1/topx-candidates/{candidate.pk}/reviews",
                           {"outcome": "continue", "grounds": "Nog actief."}, format="json")
    assert reviewed.status_code == 201
    reviews = client.get(f"/api/v1/topx-candidates/{candidate.pk}/reviews").json()
    assert [r["outcome"] for r in reviews] == ["continue"]


def test_the_import_answers_its_report(api_client: Callable[[User], APIClient]) -> None:
    w = make_topx_world()
    content = ("first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation\n"
               f"Ria,Bakker,1990-02-03,{bsn(11)},3,2,1,Inbraken\n"
               "Jan,Smit,1990-01-01,123456789,3,2,1,Overlast\n").encode()
    client = api_client(w.director)
    response = client.post(f"/api/v1/topx-lists/{w.topx_list.pk}/imports", {
        "organisationId": w.triage.police.pk, "file": SimpleUploadedFile("top.csv", content, "text/csv")},
        format="multipart")
    assert response.status_code == 201, response.content
    report = response.json()
    assert report["storedRows"] == 1
    assert report["refused"][0]["row"] == 3
    assert report["refused"][0]["field"] == "bsn"
    assert client.get(f"/api/v1/topx-imports/{report['id']}").json()["refused"] == report["refused"]


def test_the_list_filters_overdue_reviews(api_client: Callable[[User], APIClient]) -> None:
    w = make_topx_world()
    late = include(w, propose(w, seed=1))
    include(w, propose(w, seed=2))
    propose(w, seed=3)
    Candidate.objects.filter(pk=late.pk).update(next_review_date=timezone.localdate() - dt.timedelta(days=1))
    client = api_client(w.director)
    overdue = client.get("/api/v1/topx-candidates?overdue=true").json()["results"]
    assert [c["id"] for c in overdue] == [late.pk]
    assert overdue[0]["stage"] == "under_review"
    proposed = client.get("/api/v1/topx-candidates?stage=proposed").json()["results"]
    assert len(proposed) == 1
    assert client.get("/api/v1/topx-candidates?stage=weet-niet").status_code == 400


def test_the_overdue_reviews_task_is_on_the_daily_beat_schedule() -> None:
    names = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "opencasus.topx.tasks.signal_overdue_reviews" in names
