"""The API: every role x every endpoint (hidden = 404), problem+json for bad input, logging."""

import io
from collections.abc import Callable, Mapping

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.tests.factories import CaseFactory
from opencasus.logbook.models import ProcessingRecord
from opencasus.reporting.tests.conftest import API_PERIOD, World
from opencasus.reporting.tests.test_views import (
    ALL,
    ALLOWED_DORDRECHT,
    ALLOWED_HOUSE,
    ALLOWED_IMPORT,
    ALLOWED_KEY_LIST,
    ALLOWED_REGION,
)

pytestmark = pytest.mark.django_db


def endpoints(world: World) -> list[tuple[str, Mapping[str, str | int], set[str]]]:
    h, region = world.house.pk, world.house.region.code
    return [
        (f"/api/v1/dashboards/houses/{h}", API_PERIOD, ALLOWED_HOUSE),
        ("/api/v1/dashboards/municipalities/GM0505", API_PERIOD, ALLOWED_DORDRECHT),
        (f"/api/v1/dashboards/regions/{region}", API_PERIOD, ALLOWED_REGION),
        ("/api/v1/reports/municipal-annual/GM0505/2025", {}, ALLOWED_DORDRECHT),
        ("/api/v1/reports/municipal-annual/GM0505/2025/xlsx", {}, ALLOWED_DORDRECHT),
        ("/api/v1/recidivism", {"houseId": h}, ALLOWED_HOUSE),
        ("/api/v1/trend-signals", {"houseId": h}, ALLOWED_HOUSE),
        ("/api/v1/advice", {"municipalityCode": "GM0505"}, ALLOWED_DORDRECHT),
    ]


def test_access_matrix_for_the_api(world: World, api_client: Callable[[User], APIClient]) -> None:
    for role in ALL:
        client = api_client(world.users[role])
        for url, params, allowed in endpoints(world):
            response = client.get(url, params)
            expected = 200 if role in allowed else 404
            assert response.status_code == expected, (role, url, response.status_code)
            if expected == 404:
                assert response["Content-Type"] == "application/problem+json"


def test_access_matrix_for_the_key_list_export(world: World, api_client: Callable[[User], APIClient]) -> None:
    for role in ALL:
        body = {"houseId": world.house.pk, "dateFrom": "2025-01-01", "dateTo": "2025-12-31",
                "reason": f"Levering aan de politie ({role})"}
        response = api_client(world.users[role]).post("/api/v1/recidivism-key-lists", body, format="json")
        expected = 201 if role in ALLOWED_KEY_LIST else 404
        assert response.status_code == expected, (role, response.status_code)
        if expected == 404:
            assert response["Content-Type"] == "application/problem+json"


def test_house_dashboard_json(world: World, api_client: Callable[[User], APIClient]) -> None:
    before = ProcessingRecord.objects.filter(activity_code="management-information").count()
    body = api_client(world.users["manager"]).get(f"/api/v1/dashboards/houses/{world.house.pk}", API_PERIOD).json()
    assert body["scope"] == {"kind": "house", "key": str(world.house.pk), "name": world.house.name, "threshold": 5}
    assert body["dateFrom"] == "2025-01-01"
    assert body["dateTo"] == "2025-12-31"
    tables = {t["slug"]: t for t in body["tables"]}
    municipalities = {r["key"]: r["values"][0] for r in tables["intakes-by-municipality"]["rows"]}
    assert municipalities["GM0505"] == {"column": "count", "value": None, "suppressed": True}  # secondary
    assert municipalities["GM0512"] == {"column": "count", "value": None, "suppressed": True}
    routes = {r["key"]: r["values"][0] for r in tables["intakes-by-route"]["rows"]}
    assert routes["zsm"] == {"column": "count", "value": 9, "suppressed": False}
    assert ProcessingRecord.objects.filter(activity_code="management-information").count() == before + 1


def test_officer_gets_only_their_municipality(world: World, api_client: Callable[[User], APIClient]) -> None:
    client = api_client(world.users["officer_gorinchem"])
    body = client.get("/api/v1/dashboards/municipalities/GM0512", API_PERIOD).json()
    rows = {t["slug"]: t for t in body["tables"]}["intakes-by-municipality"]["rows"]
    assert [r["key"] for r in rows] == ["GM0512"]
    assert client.get("/api/v1/dashboards/municipalities/GM0505", API_PERIOD).status_code == 404


def test_bad_input_is_a_problem(world: World, api_client: Callable[[User], APIClient]) -> None:
    client = api_client(world.users["manager"])
    response = client.get(f"/api/v1/dashboards/houses/{world.house.pk}", {"dateFrom": "2025-13-01"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "dateFrom"
    assert client.get("/api/v1/trend-signals").status_code == 400
    assert client.get("/api/v1/trend-signals", {"houseId": str(world.house.pk), "month": "x"}).status_code == 400
    assert client.get("/api/v1/advice").status_code == 400


def test_annual_report_files(world: World, api_client: Callable[[User], APIClient]) -> None:
    client = api_client(world.users["officer_dordrecht"])
    xlsx = client.get("/api/v1/reports/municipal-annual/GM0505/2025/xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).worksheets
    pdf = client.get("/api/v1/reports/municipal-annual/GM0505/2025/pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    body = client.get("/api/v1/reports/municipal-annual/GM0505/2025").json()
    assert body["municipality"] == {"code": "GM0505", "name": "Dordrecht"}
    assert body["year"] == 2025


def test_import_and_advice_through_the_api(world: World, api_client: Callable[[User], APIClient]) -> None:
    from opencasus.cases.tests.factories import PersonFactory

    person = PersonFactory.create(case=CaseFactory.create(house=world.house))
    csv = io.BytesIO(f"person_pseudonym,incident_date,count\n{person.pseudonym},2025-01-02,2\nx,y,z\n".encode())
    csv.name = "politie.csv"
    for role in ALL:
        if role not in ALLOWED_IMPORT:
            csv.seek(0)
            response = api_client(world.users[role]).post("/api/v1/recidivism-imports",
                                                          {"houseId": world.house.pk, "file": csv},
                                                          format="multipart")
            assert response.status_code == 404, role
    csv.seek(0)
    client = api_client(world.users["secretary"])
    response = client.post("/api/v1/recidivism-imports", {"houseId": world.house.pk, "file": csv},
                           format="multipart")
    assert response.status_code == 202
    job = client.get(f"/api/v1/recidivism-imports/{response.json()['id']}").json()
    assert job["status"] == "done"
    assert job["acceptedRows"] == 1
    assert job["rejected"] == [{"line": 3, "reason": "het pseudoniem “x” is geen geldig pseudoniem"}]
    assert api_client(world.users["steering"]).get(
        f"/api/v1/recidivism-imports/{response.json()['id']}").status_code == 404

    area = CaseFactory.create(house=world.house, subject_type="area", municipality=world.dordrecht)
    created = client.post("/api/v1/advice", {"caseId": area.pk, "text": "Meer handhaving."}, format="json")
    assert created.status_code == 201
    assert created.json()["municipalityCode"] == "GM0505"
    refused = client.post("/api/v1/advice", {"caseId": area.pk, "text": ""}, format="json")
    assert refused.status_code == 400
    listed = api_client(world.users["officer_dordrecht"]).get("/api/v1/advice", {"municipalityCode": "GM0505"})
    assert [a["text"] for a in listed.json()] == ["Meer handhaving."]
    assert api_client(world.users["manager"]).post("/api/v1/advice", {"caseId": area.pk, "text": "x"},
                                                   format="json").status_code == 404
