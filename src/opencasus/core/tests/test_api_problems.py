"""The API's one error contract (`opencasus.core.api.problems`): statuses, problem types and field names."""

import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.test_api import payload
from opencasus.core.api.problems import api_name, invalid_params
from opencasus.core.tests.clients import ApiClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(api_client: ApiClient) -> APIClient:
    return api_client(member(HouseFactory.create(), Role.PARTNER_PROFESSIONAL))


def test_field_names_are_lower_camel_case_with_dotted_paths() -> None:
    assert api_name("evaluation_date") == "evaluationDate"
    assert api_name("persons[0].first_name") == "persons.0.firstName"
    assert api_name("__all__") == "nonFieldErrors"
    names = [p["name"] for p in invalid_params({"persons": [{}, {"first_name": ["x"]}], "non_field_errors": ["y"]})]
    assert names == ["persons.1.firstName", "nonFieldErrors"]


def test_a_nested_field_error_is_named_as_the_api_names_it(api_client: ApiClient) -> None:
    w = h.world()
    body = payload(w)
    body["persons"][0]["firstName"] = ""  # type: ignore[index]
    response = api_client(w.partner).post("/api/v1/cases", body, format="json")
    assert response.status_code == 400
    assert "persons.0.firstName" in [p["name"] for p in response.json()["invalidParams"]]


def test_deeply_nested_json_answers_400_problem_json(client: Client) -> None:
    response = client.generic("POST", "/api/v1/cases", "[" * 100_000 + "]" * 100_000,
                              content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "body"


def test_json_nested_beyond_the_limit_answers_400(client: Client) -> None:
    assert client.generic("POST", "/api/v1/cases", "[" * 32 + "]" * 32, content_type="application/json"
                          ).json()["invalidParams"][0]["name"] != "body"
    body = "[" * 33 + "]" * 33  # one level deeper than allowed: parses fine, yet refused
    response = client.generic("POST", "/api/v1/cases", body, content_type="application/json")
    assert response.status_code == 400
    assert "32" in response.json()["invalidParams"][0]["reason"]


def test_a_huge_body_answers_413_problem_json(client: Client) -> None:
    response = client.generic("POST", "/api/v1/cases", json.dumps({"a": "x" * 5_000_000}),
                              content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("/request-too-large")


def test_a_file_upload_may_be_larger_than_a_json_body_but_not_unbounded(client: Client) -> None:
    """An attachment of up to 10 MB reaches the view (which checks it); a multipart body beyond the upload
    limit is refused before anything reads it."""
    five_mb = b"--b\r\n" + b"0" * 5_000_000
    multipart = "multipart/form-data; boundary=b"
    passed = client.generic("POST", "/api/v1/cases/1/attachments", five_mb, content_type=multipart)
    assert passed.status_code != 413
    huge = b"--b\r\n" + b"0" * 12_000_000
    refused = client.generic("POST", "/api/v1/cases/1/attachments", huge, content_type=multipart)
    assert refused.status_code == 413


@pytest.mark.parametrize("value", ["abc", "-1", "0", "101", "1.5"])
def test_a_bad_page_size_answers_400_with_invalid_params(client: Client, value: str) -> None:
    response = client.get("/api/v1/municipalities", {"pageSize": value})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "pageSize"


def test_a_good_page_size_is_used(client: Client) -> None:
    assert len(client.get("/api/v1/municipalities", {"pageSize": "7"}).json()["results"]) == 7


def test_trace_answers_405(client: Client) -> None:
    assert client.generic("TRACE", "/api/v1/me").status_code == 405
    assert client.generic("TRACE", "/api/v1/municipalities").status_code == 405


def test_one_problem_type_for_404(client: Client) -> None:
    route = client.get("/api/v1/no-such-thing")
    record = client.get("/api/v1/houses/987654")
    assert route.status_code == record.status_code == 404
    assert route.json()["type"] == record.json()["type"]
    assert route.json()["title"] == record.json()["title"] == "Niet gevonden."


def test_problem_titles_are_dutch() -> None:
    response = Client().get("/api/v1/me")
    assert response.json()["title"] == "Niet ingelogd."
