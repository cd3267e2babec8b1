"""Bad input for management information: advice to the local administration, the police data import,
the pseudonym key list and the reporting period."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opencasus.cases.tests.factories import CaseFactory
from opencasus.core.tests.bad_input.common import (
    Endpoint,
    Target,
    assert_refused,
    catalogue,
    check_page_refuses,
    date,
    ref,
    snapshot,
    text,
)
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network.models import Municipality, Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def _area_case() -> tuple[Any, Any]:
    house = HouseFactory.create()
    case = CaseFactory.create(house=house, subject_type="area", municipality=Municipality.objects.get(code="GM0505"))
    return member(house, Role.PROCESS_DIRECTOR), case


def _advice() -> Target:
    director, case = _area_case()
    return Target(director, "/api/v1/advice", {"caseId": case.pk, "municipalityCode": "GM0512",
                                               "text": "Meer jongerenwerk in de wijk."})


def _key_list() -> Target:
    house = HouseFactory.create()
    return Target(member(house, Role.HOUSE_MANAGER), "/api/v1/recidivism-key-lists", {
        "houseId": house.pk, "dateFrom": "2025-01-01", "dateTo": "2025-12-31", "reason": "Levering aan de politie"})


API = {
    "advice": Endpoint(_advice, [
        *ref("caseId"), ("municipalityCode: unknown", "municipalityCode", "GM9999"),
        ("municipalityCode: too long", "municipalityCode", "GM05050505"),
        ("municipalityCode: control characters", "municipalityCode", "GM\x0005"),
        ("municipalityCode: a list", "municipalityCode", ["GM0505"]), *text("text")], legitimate=["text"]),
    "key-list": Endpoint(_key_list, [
        *ref("houseId"), *date("dateFrom"), *date("dateTo"), *text("reason", limit=500),
        ("dateTo before dateFrom", "dateTo", "2024-12-31"), ("dateTo in the future", "dateTo", "2999-01-01")],
        legitimate=["reason"]),
}


def _advice_page() -> Target:
    director, case = _area_case()
    return Target(director, f"/managementinformatie/huizen/{case.house_id}/adviezen/nieuw", {
        "case": case.pk, "municipality": "GM0512", "text": "Meer jongerenwerk in de wijk."})


def _period_page() -> Target:
    house = HouseFactory.create()
    return Target(member(house, Role.HOUSE_MANAGER), f"/managementinformatie/huizen/{house.pk}",
                  {"date_from": "2025-01-01", "date_to": "2025-12-31"}, method="get")


def _key_list_page() -> Target:
    house = HouseFactory.create()
    return Target(member(house, Role.HOUSE_MANAGER), f"/managementinformatie/huizen/{house.pk}/recidive/sleutellijst",
                  {"date_from": "2025-01-01", "date_to": "2025-12-31", "reason": "Levering aan de politie"})


PAGES = {
    "advice": Endpoint(_advice_page, [
        *ref("case", api=False), ("municipality: unknown", "municipality", "GM9999"),
        ("municipality: control characters", "municipality", "GM\x1b05"), *text("text", api=False)],
        legitimate=["text"]),
    "period": Endpoint(_period_page, [
        *date("date_from", api=False), *date("date_to", api=False),
        ("date_to before date_from", "date_to", "2024-12-31"), ("year 10000", "date_to", "10000-01-01")]),
    "key-list": Endpoint(_key_list_page, [
        *date("date_from", api=False), *date("date_to", api=False), *text("reason", limit=500, api=False),
        ("date_to in the future", "date_to", "2999-01-01")], legitimate=["reason"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)

HEADER = b"person_pseudonym,incident_date,count\n"
FILES = [
    ("empty file", b""),
    ("not text", b"\x81\x8d\x8f\x90\x9d" * 20),
    ("wrong header", b"naam,datum\nRia,2025-01-01\n"),
    ("NUL in a row", HEADER + b"1f0c6a4e-2d7a-4a8e-9c1e-5a0f8b1d2c3e,2025-01-01,1\x00\n"),
    ("escape sequence in a row", HEADER + b"\x1b[31m,2025-01-01,1\n"),
    ("only a header of 10,000 characters", b"A" * 10_000),
]


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("incidenten.csv", content, content_type="text/csv")


@pytest.mark.parametrize(("label", "content"), FILES, ids=[f[0] for f in FILES])
def test_import_api_refuses_files_that_are_not_the_csv(api_client: ApiClient, label: str, content: Any) -> None:
    house = HouseFactory.create()
    client = api_client(member(house, Role.HOUSE_MANAGER))
    before = snapshot()
    response = client.post("/api/v1/recidivism-imports", {"houseId": house.pk, "file": _upload(content)},
                           format="multipart")
    assert_refused(response, before)


@pytest.mark.parametrize("house_id", ["een", "", "-1", str(10**20), "1\x00"])
def test_import_api_refuses_a_bad_house(api_client: ApiClient, house_id: str) -> None:
    house = HouseFactory.create()
    client = api_client(member(house, Role.HOUSE_MANAGER))
    before = snapshot()
    response = client.post("/api/v1/recidivism-imports", {"houseId": house_id, "file": _upload(HEADER)},
                           format="multipart")
    assert response.status_code in {400, 404}, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert snapshot() == before


@pytest.mark.parametrize(("label", "content"), FILES, ids=[f[0] for f in FILES])
def test_import_page_refuses_files_that_are_not_the_csv(verified_client: VerifiedClient, label: str,
                                                        content: Any) -> None:
    house = HouseFactory.create()

    def upload_page() -> Target:
        return Target(member(house, Role.HOUSE_MANAGER), f"/managementinformatie/huizen/{house.pk}/recidive/import",
                      {"file": _upload(content)})

    check_page_refuses(verified_client, Endpoint(upload_page, []), "file", [(label, _upload(content))])
