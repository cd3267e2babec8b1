import pytest
from django.test import Client

from opencasus.core.tests.clients import ApiClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def test_openapi_document_is_public_and_versioned() -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    doc = response.json()
    assert doc["openapi"].startswith("3.")
    assert doc["servers"][0]["url"] == "/api/v1"
    assert all(not path.endswith("/") for path in doc["paths"])


def test_unauthenticated_gets_problem_json() -> None:
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert {"status", "title", "detail"} <= body.keys()
    assert response["API-Version"] == "1.0.0"


def test_token_authentication_and_camel_case(api_client: ApiClient) -> None:
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR)
    response = api_client(user).get("/api/v1/me")
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == user.username
    assert body["grants"][0]["houseId"] == house.pk
    assert "no-store" in response["Cache-Control"]


def test_houses_lists_only_own_memberships(api_client: ApiClient) -> None:
    mine, other = HouseFactory.create(), HouseFactory.create()
    user = member(mine, Role.SECRETARY)
    client = api_client(user)
    assert [h["id"] for h in client.get("/api/v1/houses").json()["results"]] == [mine.pk]
    response = client.get(f"/api/v1/houses/{other.pk}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_session_api_access_needs_the_second_factor(password: str) -> None:
    user = member(HouseFactory.create(), Role.SECRETARY)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    assert client.get("/api/v1/me").status_code == 401


def test_reference_data_endpoints(api_client: ApiClient) -> None:
    client = api_client(member(HouseFactory.create(), Role.PARTNER_PROFESSIONAL))
    body = client.get("/api/v1/municipalities", {"regionCode": "VR24", "pageSize": 100}).json()
    assert "Maastricht" in {m["name"] for m in body["results"]}
    assert all(m["regionCode"] == "VR24" for m in body["results"])
    assert client.get("/api/v1/regions/VR13").json()["name"] == "Amsterdam-Amstelland"


def test_nul_characters_in_a_json_body_are_refused_with_400(api_client: ApiClient) -> None:
    client = api_client(member(HouseFactory.create(), Role.PARTNER_PROFESSIONAL))
    response = client.post("/api/v1/cases", {"municipalityCode": "GM\x000505", "houseId": 1}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
