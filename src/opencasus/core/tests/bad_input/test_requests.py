"""Bad requests rather than bad field values, for every API endpoint alike: nesting, size, paging, enum
filters and a missing version. Each answers problem+json with the documented status; nothing is stored."""

from __future__ import annotations

import json
from typing import Any

import pytest

from opencasus.core.tests.bad_input import test_privacy as privacy_catalogue
from opencasus.core.tests.bad_input.common import DROP, _changed, dutch, set_path, snapshot
from opencasus.core.tests.clients import ApiClient
from opencasus.plans import services
from opencasus.plans.tests.factories import in_days, world

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _refused(response: Any, status: int, before: dict[str, Any]) -> dict[str, Any]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert dutch(problem["detail"]), problem
    assert not _changed(before, snapshot())
    return problem


BODIES = {
    "nested 100,000 deep": ("[" * 100_000 + "]" * 100_000, 400),
    "nested 33 deep": ('{"description": ' + "[" * 33 + "]" * 33 + "}", 400),
    "5 MB": (json.dumps({"description": "x" * 5_000_000}), 413),
}


@pytest.mark.parametrize("label", list(BODIES))
def test_bodies_that_no_endpoint_reads(api_client: ApiClient, label: str) -> None:
    w = world()
    body, status = BODIES[label]
    before = snapshot()
    for method, url in (("POST", f"{API}/agreements"), ("PUT", f"{API}/cases/{w.case.pk}/plan"),
                        ("POST", f"{API}/cases")):
        _refused(api_client(w.director).generic(method, url, body, content_type="application/json"), status, before)


@pytest.mark.parametrize("value", ["abc", "-1", "0", "101", ""])
@pytest.mark.parametrize("url", ["/agreements", "/escalations", "/municipalities", "/cases"])
def test_page_sizes(api_client: ApiClient, url: str, value: str) -> None:
    w = world()
    response = api_client(w.director).get(f"{API}{url}", {"pageSize": value})
    if value == "":
        assert response.status_code == 200
        return
    problem = _refused(response, 400, snapshot())
    assert problem["invalidParams"][0]["name"] == "pageSize"
    assert dutch(problem["invalidParams"][0]["reason"])


@pytest.mark.parametrize(("url", "name"), [("/agreements", "status"), ("/escalations", "level"),
                                           ("/escalations", "status"), ("/meetings", "status"),
                                           ("/cases", "status"), ("/cases", "subjectType"), ("/cases", "route")])
def test_unknown_enum_filter_values(api_client: ApiClient, url: str, name: str) -> None:
    w = world()
    problem = _refused(api_client(w.director).get(f"{API}{url}", {name: "onbekend"}), 400, snapshot())
    assert [p["name"] for p in problem["invalidParams"]] == [name]


def test_an_update_without_the_version(api_client: ApiClient) -> None:
    w = world()
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    before = snapshot()
    client = api_client(w.director)
    _refused(client.patch(f"{API}/agreements/{agreement.pk}", {"description": "Anders"}, format="json"), 428, before)
    _refused(client.patch(f"{API}/agreements/{agreement.pk}", {"description": "Anders"}, format="json",
                          HTTP_IF_MATCH="*"), 428, before)


@pytest.mark.parametrize(("name", "value"), [("caseId", "abc"), ("caseId", "-3"), ("mine", "misschien"),
                                             ("overdue", "2")])
def test_unreadable_filter_values(api_client: ApiClient, name: str, value: str) -> None:
    w = world()
    problem = _refused(api_client(w.director).get(f"{API}/agreements", {name: value}), 400, snapshot())
    assert [p["name"] for p in problem["invalidParams"]] == [name]
    assert dutch(problem["invalidParams"][0]["reason"])


def test_a_rights_request_handling_without_the_version(api_client: ApiClient) -> None:
    target = privacy_catalogue._handle()
    before = snapshot()
    response = api_client(target.user).patch(target.url, set_path(target.body, "version", DROP), format="json")
    _refused(response, 428, before)
