"""The transfer API: propose, list, get, accept, decline, transferability and co-directors (camelCase, problem+json)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.transfers.tests.factories import make_transfer_world

pytestmark = pytest.mark.django_db


def test_propose_get_accept(api_client: Callable[[User], APIClient]) -> None:
    w = make_transfer_world()
    a = api_client(w.director_a)
    body = {"caseId": w.case.pk, "toHouseId": w.house_b.pk, "reason": "Verhuizing naar Almere.",
            "moveDate": "2027-01-15", "includePurpose": True, "includePlan": True,
            "informationItemIds": [w.shared_item.pk]}
    created = a.post("/api/v1/transfers", body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["toHouseName"] == w.house_b.name
    assert data["moveDate"] == "2027-01-15"
    assert data["planSnapshot"] is None
    assert data["informationItems"] == [{"id": w.shared_item.pk, "lifeDomain": "offence_history",
                                         "organisationName": w.police_a.name,
                                         "legalBasis": w.shared_item.legal_basis}]
    assert created["ETag"] == '"1"'
    again = a.post("/api/v1/transfers", body, format="json")
    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"

    b = api_client(w.director_b)
    listed = b.get("/api/v1/transfers?direction=incoming&status=proposed").json()
    assert [t["id"] for t in listed["results"]] == [data["id"]]
    assert b.get("/api/v1/transfers?direction=sideways").status_code == 400
    stale = b.post(f"/api/v1/transfers/{data['id']}/acceptance", {"version": 5}, format="json")
    assert stale.status_code == 409
    accepted = b.post(f"/api/v1/transfers/{data['id']}/acceptance", {"reason": "Akkoord."},
                      format="json", HTTP_IF_MATCH='"1"')
    assert accepted.status_code == 200, accepted.content
    result = accepted.json()
    assert result["status"] == "accepted"
    assert result["newCaseId"]
    assert "Geen nieuwe winkeldiefstallen." in result["planSnapshot"]
    assert b.get(f"/api/v1/cases/{result['newCaseId']}").status_code == 200
    assert a.get(f"/api/v1/cases/{result['newCaseId']}").status_code == 404
    assert b.post(f"/api/v1/transfers/{data['id']}/refusal", {"reason": "Toch niet."},
                  format="json").status_code == 409


def test_refusal_requires_a_reason(api_client: Callable[[User], APIClient]) -> None:
    w = make_transfer_world()
    created = api_client(w.director_a).post("/api/v1/transfers", {
        "caseId": w.case.pk, "toHouseId": w.house_b.pk, "reason": "Verhuizing.", "moveDate": "2027-01-15"},
        format="json").json()
    b = api_client(w.director_b)
    missing = b.post(f"/api/v1/transfers/{created['id']}/refusal", {}, format="json")
    assert missing.status_code == 400
    assert missing.json()["invalidParams"][0]["name"] == "reason"
    assert b.post(f"/api/v1/transfers/{created['id']}/refusal", {"reason": "Niet hier."},
                  format="json").json()["status"] == "declined"


def test_transferability_and_co_directors(api_client: Callable[[User], APIClient]) -> None:
    w = make_transfer_world()
    url = f"/api/v1/information-items/{w.kept_item.pk}/transferability"
    assert api_client(w.director_a).put(url, {"transferable": True}, format="json").status_code == 404
    marked = api_client(w.partner_a).put(url, {"transferable": True}, format="json")
    assert marked.json() == {"id": w.kept_item.pk, "transferable": True}
    a = api_client(w.director_a)
    added = a.post(f"/api/v1/cases/{w.case.pk}/co-directors", {"userId": w.director_b.pk, "houseId": w.house_b.pk},
                   format="json")
    assert added.status_code == 201, added.content
    co = added.json()
    assert co["houseName"] == w.house_b.name
    assert [c["id"] for c in a.get(f"/api/v1/cases/{w.case.pk}/co-directors").json()] == [co["id"]]
    b = api_client(w.director_b)
    assert b.get(f"/api/v1/cases/{w.case.pk}").status_code == 200
    assert b.get(f"/api/v1/cases/{w.other_case.pk}").status_code == 404
    joined = b.post(f"/api/v1/cases/{w.case.pk}/co-directors/{co['id']}/participants",
                    {"organisationId": w.care_b.pk, "userId": w.partner_b.pk}, format="json")
    assert joined.status_code == 201, joined.content
    assert api_client(w.partner_b).get(f"/api/v1/cases/{w.case.pk}").status_code == 200
    assert b.delete(f"/api/v1/cases/{w.case.pk}/co-directors/{co['id']}").status_code == 404
    assert a.delete(f"/api/v1/cases/{w.case.pk}/co-directors/{co['id']}").status_code == 204
    assert b.get(f"/api/v1/cases/{w.case.pk}").status_code == 404
    assert api_client(w.partner_b).get(f"/api/v1/cases/{w.case.pk}").status_code == 404
