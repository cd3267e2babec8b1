"""The after-care API: the timeline, the release date (If-Match, 428 without a version, 409 when stale), items,
the hand-over, expected releases, the import and its report, the intake for a release, settings and figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.aftercare.models import ExpectedRelease, TimelineItem
from opencasus.aftercare.tests.factories import make_aftercare_world
from opencasus.aftercare.vocabulary import ItemKind
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db

HEADER = "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente"


def test_timeline_and_release_date(api_client: Callable[[User], APIClient]) -> None:
    w = make_aftercare_world(released_in_days=35)
    api = api_client(w.director)
    response = api.get(f"/api/v1/cases/{w.running.pk}/aftercare-timeline")
    assert response.status_code == 200
    body = response.json()
    assert response["ETag"] == '"1"'
    assert body["exists"] is True
    assert body["editable"] is True
    assert len(body["items"]) == 7
    assert {i["kind"] for i in body["items"] if i["isBasicCondition"]} == {
        "identity", "income", "housing", "care", "debts"}
    later = (timezone.localdate() + dt.timedelta(days=40)).isoformat()
    path = f"/api/v1/cases/{w.running.pk}/aftercare-timeline"
    assert api.patch(path, {"releaseDate": later}, format="json").status_code == 428
    assert api.patch(path, {"releaseDate": later, "version": 7}, format="json").status_code == 409
    moved = api.patch(path, {"releaseDate": later}, format="json", HTTP_IF_MATCH='"1"')
    assert moved.status_code == 200
    assert moved.json()["releaseDate"] == later
    handover = next(i for i in moved.json()["items"] if i["kind"] == "handover")
    assert handover["deadline"] == later


def test_items_and_hand_over(api_client: Callable[[User], APIClient]) -> None:
    w = make_aftercare_world(released_in_days=10)
    api = api_client(w.director)
    overdue = api.get("/api/v1/aftercare-items", {"due": "overdue"}).json()
    assert overdue["count"] == 5
    assert api.get("/api/v1/aftercare-items", {"due": "soon"}).status_code == 400
    debts = TimelineItem.objects.get(case=w.running, kind=ItemKind.DEBTS)
    response = api.patch(f"/api/v1/aftercare-items/{debts.pk}", {"status": "not_needed", "version": 1}, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "note"
    response = api.patch(f"/api/v1/aftercare-items/{debts.pk}",
                         {"status": "done", "ownerUserId": w.coordinator.pk, "version": 1}, format="json")
    assert response.status_code == 200
    assert response.json()["ownerUserId"] == w.coordinator.pk
    assert response.json()["completedOnTime"] is False
    handover = TimelineItem.objects.get(case=w.running, kind=ItemKind.HANDOVER)
    response = api.post(f"/api/v1/aftercare-items/{handover.pk}/handover", {
        "byOrganisationId": w.prison.pk, "toOrganisationId": w.triage.probation.pk, "done": False,
        "note": "Niet opgehaald: vervoer viel uit."}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "open"
    assert response.json()["receiverOrganisationId"] == w.triage.probation.pk


def test_import_releases_and_intake(api_client: Callable[[User], APIClient]) -> None:
    w = make_aftercare_world()
    api = api_client(w.coordinator)
    soon = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    content = f"{HEADER}\n;Piet;Pietersen;1980-01-01;{soon};PI Haaglanden;Gorinchem\n;Kees;;1980-01-01;{soon};x;y\n"
    response = api.post("/api/v1/release-imports", {
        "houseId": w.house_id, "file": SimpleUploadedFile("d.csv", content.encode())}, format="multipart")
    assert response.status_code == 201
    report = response.json()
    assert report["acceptedRows"] == 1
    assert report["rejected"] == [{"line": 3, "field": "achternaam", "reason": "de achternaam ontbreekt"}]
    assert api.get(f"/api/v1/release-imports/{report['id']}").status_code == 200
    releases = api.get("/api/v1/expected-releases").json()["results"]
    assert [r["lastName"] for r in releases] == ["Pietersen"]
    assert api.get("/api/v1/expected-releases", {"match": "unmatched"}).json()["count"] == 1
    release = ExpectedRelease.objects.get()
    created = api.post(f"/api/v1/expected-releases/{release.pk}/intake", {
        "organisationId": w.municipality_org.pk, "reason": "Komt vrij.", "requestedPurpose": "Nazorg.",
        "peopleInformed": "yes"}, format="json")
    assert created.status_code == 201
    assert created.json()["reference"]
    again = api.post(f"/api/v1/expected-releases/{release.pk}/intake", {
        "organisationId": w.municipality_org.pk, "reason": "Komt vrij.", "requestedPurpose": "Nazorg.",
        "peopleInformed": "yes"}, format="json")
    assert again.status_code == 409


def test_settings_and_figures(api_client: Callable[[User], APIClient]) -> None:
    w = make_aftercare_world()
    api = api_client(member(w.triage.house, Role.HOUSE_MANAGER))
    path = f"/api/v1/houses/{w.house_id}/aftercare-settings"
    current = api.get(path)
    assert current.json()["version"] == 0
    assert current.json()["housingDays"] == 42
    body = {"identityDays": 30, "incomeDays": 28, "housingDays": 60, "careDays": 28, "debtsDays": 14, "checkWeeks": 4}
    assert api.put(path, body, format="json").status_code == 428
    saved = api.put(path, {**body, "version": 0}, format="json")
    assert saved.status_code == 200
    assert saved.json()["housingDays"] == 60
    figures = api.get(f"/api/v1/houses/{w.house_id}/aftercare-figures", {"year": timezone.localdate().year})
    assert figures.status_code == 200
    assert set(figures.json()["releases"]) == {"value", "suppressed"}
    assert api.get(f"/api/v1/houses/{w.house_id}/aftercare-figures", {"year": "abc"}).status_code == 400
    officer = api_client(w.officer).get(f"/api/v1/houses/{w.house_id}/aftercare-figures").json()
    assert officer["municipalityId"] == w.running.municipality_id
