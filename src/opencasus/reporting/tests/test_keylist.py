"""The pseudonym key list of a recidivism measurement: one processing-log record per export, with the
persons as data subjects, and a repeated reason refused with nothing written."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any, TypedDict

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Person
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.vocabulary import Relation
from opencasus.logbook import purposes
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.plans.models import Plan, PlanVersion
from opencasus.reporting.keylist import key_list_export
from opencasus.reporting.models import KeyListExport, RecidivismMeasurement
from opencasus.reporting.tests.factories import at

pytestmark = pytest.mark.django_db

START, END = dt.date(2024, 1, 1), dt.date(2024, 12, 31)


class Fixture(TypedDict):
    house: House
    manager: User
    director: User
    adopted_2024: Person
    parent: Person
    adopted_2025: Person


def _adopt(case: Any, when: dt.datetime, by: User) -> None:
    plan = Plan.objects.create(case=case)
    PlanVersion.objects.create(plan=plan, number=1, adopted_at=when, adopted_by=by, snapshot={})
    PlanVersion.objects.create(plan=plan, number=2, adopted_at=when + dt.timedelta(days=400), adopted_by=by,
                               snapshot={})


@pytest.fixture
def fixture(db: None) -> Fixture:
    house = HouseFactory.create()
    manager, director = member(house, Role.HOUSE_MANAGER), member(house, Role.PROCESS_DIRECTOR)
    case_a, case_b = CaseFactory.create(house=house), CaseFactory.create(house=house)
    adopted_2024 = PersonFactory.create(case=case_a, last_name="=HYPERLINK(1)", date_of_birth=dt.date(1990, 5, 1))
    parent = PersonFactory.create(case=case_a, relation=Relation.PARENT)
    adopted_2025 = PersonFactory.create(case=case_b)
    _adopt(case_a, at(2024, 12, 31, 23), director)  # the last evening of the period still counts
    _adopt(case_b, at(2025, 1, 1, 0), director)
    other = HouseFactory.create()
    _adopt(PersonFactory.create(case=CaseFactory.create(house=other)).case, at(2024, 6, 1), director)
    return {"house": house, "manager": manager, "director": director, "adopted_2024": adopted_2024,
            "parent": parent, "adopted_2025": adopted_2025}


def _export(f: Fixture, reason: str = "Levering politie Q1", **kw: Any) -> Any:
    return key_list_export(actor=kw.pop("actor", f["manager"]), house_id=f["house"].pk, date_from=START,
                           date_to=END, reason=reason, **kw)


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_export_lists_the_subjects_of_the_period_and_is_a_processing_log_record(fixture: Fixture) -> None:
    key_list = _export(fixture)
    rows = _rows(key_list.content)
    person = fixture["adopted_2024"]
    assert rows == [{"person_pseudonym": str(person.pseudonym), "last_name": "'=HYPERLINK(1)",
                     "first_name": person.first_name, "date_of_birth": "1990-05-01",
                     "plan_adopted_on": "2024-12-31"}]
    export = KeyListExport.objects.get()
    assert (export.exported_by, export.reason, export.person_count) == (fixture["manager"], "Levering politie Q1", 1)
    measurement = RecidivismMeasurement.objects.get()
    assert (measurement.house, measurement.period_start, measurement.period_end) == (fixture["house"], START, END)
    records = list(ProcessingRecord.objects.filter(purpose=purposes.RECIDIVISM_KEY_LIST))
    assert [(r.action, r.data_subject, r.object_type, r.object_id, r.house_id) for r in records] == [
        ("export", str(person.pseudonym), "recidivism-measurement", str(measurement.pk), fixture["house"].pk)]
    assert records[0].audit.user_id == fixture["manager"].pk
    assert timezone.now() - records[0].started_at < dt.timedelta(minutes=1)


def test_a_second_export_without_a_new_reason_is_refused_and_writes_nothing(fixture: Fixture) -> None:
    _export(fixture)
    exports, records = KeyListExport.objects.count(), ProcessingRecord.objects.count()
    with pytest.raises(ValidationError) as refused:
        _export(fixture, reason="  levering   POLITIE q1. ")
    assert refused.value.code == "conflict"
    assert refused.value.messages == ["De sleutellijst van deze meting is al voor deze reden geëxporteerd. "
                                      "Geef een nieuwe reden voor een nieuwe export."]
    assert (KeyListExport.objects.count(), ProcessingRecord.objects.count()) == (exports, records)


def test_a_simultaneous_export_with_the_same_reason_is_refused_not_a_server_error(
        fixture: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two exports that both passed the check before either wrote: the unique constraint decides."""
    from opencasus.reporting import keylist

    _export(fixture)
    exports, records = KeyListExport.objects.count(), ProcessingRecord.objects.count()

    class RacingManager:
        """The other export's row is not yet visible to this one's check."""

        def filter(self, **lookups: Any) -> Any:
            return KeyListExport.objects.none()

        def create(self, **values: Any) -> Any:
            return KeyListExport.objects.create(**values)

    class Racing:
        objects = RacingManager()

    monkeypatch.setattr(keylist, "KeyListExport", Racing)
    with pytest.raises(ValidationError) as refused:
        _export(fixture)
    assert refused.value.code == "conflict"
    assert (KeyListExport.objects.count(), ProcessingRecord.objects.count()) == (exports, records)


def test_a_second_export_with_a_new_reason_is_allowed_and_logged(fixture: Fixture) -> None:
    _export(fixture)
    _export(fixture, reason="Politie vroeg om een nieuwe lijst na verlies van het bestand")
    assert RecidivismMeasurement.objects.count() == 1
    assert KeyListExport.objects.count() == 2
    assert ProcessingRecord.objects.filter(purpose=purposes.RECIDIVISM_KEY_LIST, action="export").count() == 2


def test_another_period_is_another_measurement(fixture: Fixture) -> None:
    key_list = key_list_export(actor=fixture["manager"], house_id=fixture["house"].pk, date_from=START,
                               date_to=dt.date(2025, 1, 1), reason="Levering politie Q1")
    assert {r["person_pseudonym"] for r in _rows(key_list.content)} == {
        str(fixture["adopted_2024"].pseudonym), str(fixture["adopted_2025"].pseudonym)}
    assert RecidivismMeasurement.objects.count() == 1
    _export(fixture)
    assert RecidivismMeasurement.objects.count() == 2


@pytest.mark.parametrize(("reason", "date_to", "message"), [
    ("   ", END, "Geef de reden van deze export."),
    ("x" * 501, END, "De reden is te lang (hoogstens 500 tekens)."),
    ("Levering\x00", END, None),
    ("Levering", dt.date(2027, 1, 1), "De periode van een meting kan niet in de toekomst eindigen."),
])
def test_bad_input_is_refused_in_dutch_and_writes_nothing(fixture: Fixture, reason: str, date_to: dt.date,
                                                          message: str | None) -> None:
    with pytest.raises(ValidationError) as refused:
        key_list_export(actor=fixture["manager"], house_id=fixture["house"].pk, date_from=START, date_to=date_to,
                        reason=reason)
    if message:
        assert message in refused.value.messages
    assert not RecidivismMeasurement.objects.exists()
    assert not ProcessingRecord.objects.filter(purpose=purposes.RECIDIVISM_KEY_LIST).exists()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.HOUSE_MANAGER])
def test_only_the_house_manager_exports(fixture: Fixture, role: str) -> None:
    with pytest.raises(Http404):
        _export(fixture, actor=member(fixture["house"], role))
    with pytest.raises(Http404):
        _export(fixture, actor=member(HouseFactory.create(), Role.HOUSE_MANAGER))
    assert not KeyListExport.objects.exists()


def test_api_exports_csv_and_refuses_a_repeated_reason(fixture: Fixture, api_client: Any) -> None:
    client = api_client(fixture["manager"])
    body = {"houseId": fixture["house"].pk, "dateFrom": "2024-01-01", "dateTo": "2024-12-31",
            "reason": "Levering politie Q1"}
    response = client.post("/api/v1/recidivism-key-lists", body, format="json")
    assert response.status_code == 201, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert [r["person_pseudonym"] for r in _rows(response.content)] == [str(fixture["adopted_2024"].pseudonym)]
    assert ProcessingRecord.objects.filter(purpose=purposes.RECIDIVISM_KEY_LIST_API).count() == 1
    again = client.post("/api/v1/recidivism-key-lists", body, format="json")
    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"
    assert "nieuwe reden" in again.json()["detail"]
    assert KeyListExport.objects.count() == 1
    hidden = api_client(fixture["director"]).post("/api/v1/recidivism-key-lists", body, format="json")
    assert hidden.status_code == 404


def test_page_exports_csv_and_shows_the_refusal(fixture: Fixture, verified_client: Any) -> None:
    client = verified_client(fixture["manager"])
    url = f"/managementinformatie/huizen/{fixture['house'].pk}/recidive/sleutellijst"
    assert client.get(url).status_code == 200
    body = {"date_from": "2024-01-01", "date_to": "2024-12-31", "reason": "Levering politie Q1"}
    response = client.post(url, body)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    again = client.post(url, body)
    assert again["Content-Type"].startswith("text/html")
    html = again.content.decode()
    assert "Geef een nieuwe reden voor een nieuwe export." in html
    assert "Levering politie Q1" in html  # the earlier export is listed, and the reason kept in the form
    assert KeyListExport.objects.count() == 1
    recidivism = client.get(f"/managementinformatie/huizen/{fixture['house'].pk}/recidive").content.decode()
    assert url in recidivism
    director = verified_client(fixture["director"])
    assert director.get(url).status_code == 404
    assert url not in director.get(f"/managementinformatie/huizen/{fixture['house'].pk}/recidive").content.decode()
