"""Bad input for the after-care of ex-detainees: the import of expected releases (encoding, missing columns, a
bad BSN, bad dates, formula injection, too large, empty; refused rows are reported and nothing of them stored),
the release date, the items, the warm hand-over, the intake for a release and the settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from opencasus.aftercare import services
from opencasus.aftercare.models import ExpectedRelease, TimelineItem
from opencasus.aftercare.services.imports import MAX_BYTES
from opencasus.aftercare.tests.factories import make_aftercare_world
from opencasus.aftercare.vocabulary import ItemKind
from opencasus.core.tests.bad_input.common import (
    Endpoint,
    Target,
    assert_refused,
    catalogue,
    choice,
    date,
    dutch,
    number,
    page_errors,
    ref,
    snapshot,
    text,
)
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

HEADER = "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente"
SOON = (dt.date.today() + dt.timedelta(days=20)).isoformat()
GOOD_ROW = f";Piet;Pietersen;1980-01-01;{SOON};PI Haaglanden;Gorinchem"
LATER = (dt.date.today() + dt.timedelta(days=60)).isoformat()


def _item(kind: str = ItemKind.HOUSING) -> tuple[Any, TimelineItem]:
    w = make_aftercare_world()
    return w, TimelineItem.objects.get(case=w.running, kind=kind)


def _release_date() -> Target:
    w = make_aftercare_world()
    return Target(w.director, f"/api/v1/cases/{w.running.pk}/aftercare-timeline",
                  {"releaseDate": LATER, "version": w.timeline().version}, method="patch")


def _item_patch() -> Target:
    _w, item = _item()
    return Target(_w.director, f"/api/v1/aftercare-items/{item.pk}",
                  {"status": "done", "note": "Kamer geregeld.", "deadline": SOON, "version": item.version},
                  method="patch")


def _handover() -> Target:
    w, item = _item(ItemKind.HANDOVER)
    return Target(w.director, f"/api/v1/aftercare-items/{item.pk}/handover", {
        "byOrganisationId": w.prison.pk, "toOrganisationId": w.triage.probation.pk, "done": True,
        "note": "Opgehaald bij de poort.", "version": item.version})


def _release_intake() -> Target:
    w = make_aftercare_world()
    services.release_import(actor=w.coordinator, house_id=w.house_id, filename="dpan.csv",
                            content=f"{HEADER}\n{GOOD_ROW}".encode())
    release = ExpectedRelease.objects.get()
    return Target(w.coordinator, f"/api/v1/expected-releases/{release.pk}/intake", {
        "organisationId": w.municipality_org.pk, "reason": "Komt vrij.", "requestedPurpose": "Nazorg.",
        "peopleInformed": "yes"})


def _settings() -> Target:
    w = make_aftercare_world()
    return Target(member(w.triage.house, Role.HOUSE_MANAGER), f"/api/v1/houses/{w.house_id}/aftercare-settings", {
        "identityDays": 42, "incomeDays": 28, "housingDays": 42, "careDays": 28, "debtsDays": 14, "checkWeeks": 6,
        "version": 0}, method="put")


def _item_page() -> Target:
    w, item = _item()
    return Target(w.director, f"/nazorg/onderdelen/{item.pk}", {
        "status": "open", "note": "Wacht op de corporatie.", "deadline": SOON, "version": item.version,
        "owner_organisation": "", "owner_user": ""})


API = {
    "release date": Endpoint(_release_date, [*date("releaseDate"),
                                             ("releaseDate: year 1999", "releaseDate", "1999-01-01"),
                                             ("releaseDate: far ahead", "releaseDate", "2999-01-01")]),
    "item": Endpoint(_item_patch, [*choice("status", required=False), *date("deadline", required=False),
                                   ("deadline: years away", "deadline", "2001-01-01"),
                                   *ref("ownerOrganisationId", required=False), *ref("ownerUserId", required=False),
                                   *text("note", required=False)], legitimate=["note"]),
    "hand-over": Endpoint(_handover, [*ref("byOrganisationId"), *ref("toOrganisationId"),
                                      ("done: text", "done", "misschien"), *text("note", required=False)],
                          legitimate=["note"]),
    "release intake": Endpoint(_release_intake, [*ref("organisationId"), *text("reason"),
                                                 *text("requestedPurpose"), *choice("peopleInformed")],
                               legitimate=["reason"]),
    "settings": Endpoint(_settings, [*number("housingDays", low=0, high=365), *number("checkWeeks", low=1, high=52)]),
}

PAGES = {
    "item": Endpoint(_item_page, [*date("deadline", api=False), *choice("status", api=False),
                                  *text("note", required=False, api=False)], legitimate=["note"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)


FILES = [
    ("empty file", b""),
    ("only spaces", b"   \n  "),
    ("not text (encoding)", b"\x81\x8d\x8f\x90\x9d" * 20),
    ("NUL in a row", f"{HEADER}\n{GOOD_ROW}\x00".encode()),
    ("escape sequence in a row", f"{HEADER}\n\x1b[31m{GOOD_ROW}".encode()),
    ("missing columns", b"bsn;achternaam;ontslagdatum\n111222333;Bakker;2030-01-01\n"),
    ("another file's header", b"person_pseudonym,incident_date,count\n"),
    ("a header without rows", HEADER.encode()),
    ("too large", (HEADER + "\n" + (GOOD_ROW + "\n") * (MAX_BYTES // len(GOOD_ROW) + 1)).encode()),
]


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("vrijlatingen.csv", content, content_type="text/csv")


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "content"), FILES, ids=[f[0] for f in FILES])
def test_import_api_refuses_files_that_cannot_be_read(api_client: ApiClient, label: str, content: bytes) -> None:
    w = make_aftercare_world()
    client = api_client(w.coordinator)
    before = snapshot()
    response = client.post("/api/v1/release-imports", {"houseId": w.house_id, "file": _upload(content)},
                           format="multipart")
    assert_refused(response, before, label=label)


@pytest.mark.django_db
@pytest.mark.parametrize("house_id", ["een", "", "-1", str(10**20), "1\x00"])
def test_import_api_refuses_a_bad_house(api_client: ApiClient, house_id: str) -> None:
    w = make_aftercare_world()
    before = snapshot()
    response = api_client(w.coordinator).post("/api/v1/release-imports",
                                              {"houseId": house_id, "file": _upload(HEADER.encode())},
                                              format="multipart")
    assert response.status_code in {400, 404}, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "content"), FILES[:6], ids=[f[0] for f in FILES[:6]])
def test_import_page_refuses_files_that_cannot_be_read(verified_client: VerifiedClient, label: str,
                                                       content: bytes) -> None:
    w = make_aftercare_world()
    client = verified_client(w.coordinator)
    before = snapshot()
    response = client.post("/nazorg/import", {"house": w.house_id, "file": _upload(content)})
    assert response.status_code == 400, label
    errors = page_errors(response.content.decode())
    assert errors, label
    assert all(dutch(e) for e in errors), (label, errors)
    assert snapshot() == before, label


ROWS = [
    ("BSN fails the 11-check", "bsn", f"123456789;Piet;Pietersen;1980-01-01;{SOON};PI Haaglanden;Gorinchem"),
    ("BSN of letters", "bsn", f"12345678a;Piet;Pietersen;1980-01-01;{SOON};PI Haaglanden;Gorinchem"),
    ("impossible date of birth", "geboortedatum", f";Piet;Pietersen;1980-02-30;{SOON};PI Haaglanden;Gorinchem"),
    ("date of birth in the future", "geboortedatum", f";Piet;Pietersen;2999-01-01;{SOON};PI Haaglanden;Gorinchem"),
    ("no BSN and no date of birth", "geboortedatum", f";Piet;Pietersen;;{SOON};PI Haaglanden;Gorinchem"),
    ("release date not a date", "ontslagdatum", ";Piet;Pietersen;1980-01-01;morgen;PI Haaglanden;Gorinchem"),
    ("release date month 13", "ontslagdatum", ";Piet;Pietersen;1980-01-01;2026-13-01;PI Haaglanden;Gorinchem"),
    ("release date years ago", "ontslagdatum", ";Piet;Pietersen;1980-01-01;2001-01-01;PI Haaglanden;Gorinchem"),
    ("formula in a name", "achternaam", f";Piet;=HYPERLINK(\"x\");1980-01-01;{SOON};PI Haaglanden;Gorinchem"),
    ("formula with @", "inrichting", f";Piet;Pietersen;1980-01-01;{SOON};@SUM(A1);Gorinchem"),
    ("formula with +", "voornaam", f";+31;Pietersen;1980-01-01;{SOON};PI Haaglanden;Gorinchem"),
    ("no last name", "achternaam", f";Piet;;1980-01-01;{SOON};PI Haaglanden;Gorinchem"),
    ("a municipality of another coordinator", "gemeente", f";Piet;Pietersen;1980-01-01;{SOON};PI;Dordrecht"),
    ("an unknown municipality", "gemeente", f";Piet;Pietersen;1980-01-01;{SOON};PI;Atlantis"),
    ("a name that is too long", "achternaam", f";Piet;{'P' * 151};1980-01-01;{SOON};PI;Gorinchem"),
    ("too few columns", "", ";Piet;Pietersen"),
    ("too many columns", "", f"{GOOD_ROW};extra"),
]


@pytest.mark.django_db
def test_refused_rows_are_reported_and_nothing_of_them_is_stored(api_client: ApiClient) -> None:
    w = make_aftercare_world()
    content = "\n".join([HEADER, GOOD_ROW, *[row for _l, _f, row in ROWS]]).encode()
    response = api_client(w.coordinator).post("/api/v1/release-imports",
                                              {"houseId": w.house_id, "file": _upload(content)}, format="multipart")
    assert response.status_code == 201, response.content[:300]
    report = response.json()
    assert report["acceptedRows"] == 1
    rejected = {r["line"]: r for r in report["rejected"]}
    for index, (label, field, _row) in enumerate(ROWS, start=3):
        assert index in rejected, label
        assert rejected[index]["field"] == field, (label, rejected[index])
        assert dutch(rejected[index]["reason"]), (label, rejected[index]["reason"])
    assert list(ExpectedRelease.objects.values_list("last_name", flat=True)) == ["Pietersen"]
    stored = ExpectedRelease.objects.get()
    assert stored.institution == "PI Haaglanden"
    assert stored.release_date == timezone.localdate() + dt.timedelta(days=20)
