"""Bad input for the Top X approach: lists, proposals, decisions, reviews, and the police list import.

A file that cannot be read as the list (empty, another encoding, missing columns, too large, control characters,
no rows) is refused whole with a Dutch message, and nothing is stored. A readable file stores its valid rows; a
row with a bad BSN (eleven-test), a bad date, a spreadsheet formula in a cell or a bad score is reported (row,
column, Dutch reason) and nothing of it is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opencasus.core.tests.bad_input.common import (
    Endpoint,
    Target,
    assert_refused,
    catalogue,
    check_page_refuses,
    choice,
    date,
    dutch,
    name,
    number,
    ref,
    snapshot,
    stored_strings,
    text,
)
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.topx.models import Candidate
from opencasus.topx.tests.factories import TopxWorld, bsn, include, make_topx_world, propose

pytestmark = pytest.mark.django_db

HEADER = b"first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation\n"
BAD_BSN = [("a BSN failing the eleven-test", "bsn", "123456789"), ("a BSN of eight digits", "bsn", "12345678x"),
           ("a BSN of letters", "bsn", "abcdefghi")]


def _list() -> Target:
    w = make_topx_world()
    return Target(w.director, "/api/v1/topx-lists", {
        "houseId": w.triage.house.pk, "name": "Top X Jeugd", "theme": "Jeugdgroepen", "reviewCycleMonths": 6,
        "criteria": [{"text": "Veelpleger", "maxScore": 5}, {"text": "Geweld", "maxScore": 5},
                     {"text": "Leefgebieden", "maxScore": 5}],
        "exitCriteria": ["Twee jaar geen antecedenten"]})


def _proposal() -> Target:
    w = make_topx_world()
    t = w.triage
    return Target(t.police_pro, "/api/v1/topx-candidates", {
        "listId": w.topx_list.pk, "organisationId": t.police.pk, "firstName": "Kevin", "lastName": "Jansen",
        "dateOfBirth": "2001-03-04", "bsn": bsn(1), "motivation": "Veel inbraken.",
        "scores": [{"position": 1, "score": 3}, {"position": 2, "score": 3}, {"position": 3, "score": 3}]})


def _decision() -> Target:
    w = make_topx_world()
    candidate = propose(w)
    return Target(w.director, f"/api/v1/topx-candidates/{candidate.pk}/decision",
                  {"include": False, "grounds": "Te lage score.", "version": 1})


def _review() -> Target:
    w = make_topx_world()
    candidate = include(w, propose(w))
    return Target(w.director, f"/api/v1/topx-candidates/{candidate.pk}/reviews",
                  {"outcome": "continue", "grounds": "Nog actief.", "reviewedOn": dt.date.today().isoformat()})


API = {
    "list": Endpoint(_list, [*ref("houseId"), *name("name"), *name("theme", required=False),
                             *number("reviewCycleMonths", low=1, high=24), *text("criteria.0.text", limit=1000),
                             ("criteria: none", "criteria", [])], names=["name"]),
    "proposal": Endpoint(_proposal, [
        *ref("listId"), *ref("organisationId"), *name("firstName"), *name("lastName"),
        *date("dateOfBirth", required=False), ("dateOfBirth: in the future", "dateOfBirth", "2999-01-01"),
        *[(label, path, value) for label, path, value in BAD_BSN], *text("motivation"),
        ("scores: one missing", "scores", [{"position": 1, "score": 3}]),
        ("scores: above the highest score", "scores.0.score", 6),
        ("scores: an unknown criterion", "scores.0.position", 9)],
        legitimate=["motivation"], names=["lastName"]),
    "decision": Endpoint(_decision, [*text("grounds"), ("include: not a yes/no", "include", "misschien")],
                         legitimate=["grounds"]),
    "review": Endpoint(_review, [*choice("outcome"), *text("grounds"), *date("reviewedOn", required=False),
                                 ("reviewedOn: in the future", "reviewedOn", "2999-01-01"),
                                 ("exit without a criterion", "outcome", "exit")], legitimate=["grounds"]),
}


def _proposal_page() -> Target:
    w = make_topx_world()
    t = w.triage
    return Target(t.police_pro, f"/topx/{w.topx_list.pk}/voordragen", {
        "organisation": t.police.pk, "first_name": "Kevin", "last_name": "Jansen", "date_of_birth": "2001-03-04",
        "bsn": bsn(1), "score_1": 3, "score_2": 3, "score_3": 3, "motivation": "Veel inbraken."})


PAGES = {
    "proposal": Endpoint(_proposal_page, [
        *name("first_name", api=False), *date("date_of_birth", required=False, api=False),
        *[(label, path, value) for label, path, value in BAD_BSN],
        *number("score_1", low=0, high=5, api=False), *text("motivation", api=False)],
        legitimate=["motivation"], names=["first_name"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)


# The police list ---------------------------------------------------------------------------------------------

FILES = [
    ("empty file", b""),
    ("only spaces", b"   \n  \n"),
    ("wrong encoding (Latin-1)", HEADER + "José,Müller,1990-01-01,,1,1,1,Overlast\n".encode("latin-1")),
    ("not text", b"\x81\x8d\x8f\x90\x9d" * 20),
    ("missing columns", b"first_name,last_name,bsn\nJan,Smit,123456782\n"),
    ("wrong header", b"naam,datum\nRia,2025-01-01\n"),
    ("only a header", HEADER),
    ("too large", HEADER + b"Jan,Smit,1990-01-01,,1,1,1," + b"x" * 1_000_000 + b"\n"),
    ("NUL in a row", HEADER + b"Jan,Smit,1990-01-01,,1,1,1,Over\x00last\n"),
    ("escape sequence in a row", HEADER + b"\x1b[31m,Smit,1990-01-01,,1,1,1,Overlast\n"),
]


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("politie-topx.csv", content, content_type="text/csv")


@pytest.mark.parametrize(("label", "content"), FILES, ids=[f[0] for f in FILES])
def test_import_api_refuses_files_that_are_not_the_list(api_client: ApiClient, label: str, content: Any) -> None:
    w = make_topx_world()
    client = api_client(w.director)
    before = snapshot()
    response = client.post(f"/api/v1/topx-lists/{w.topx_list.pk}/imports",
                           {"organisationId": w.triage.police.pk, "file": _upload(content)}, format="multipart")
    assert_refused(response, before, label=label)


@pytest.mark.parametrize(("label", "content"), FILES, ids=[f[0] for f in FILES])
def test_import_page_refuses_files_that_are_not_the_list(verified_client: VerifiedClient, label: str,
                                                         content: Any) -> None:
    w = make_topx_world()

    def upload_page() -> Target:
        return Target(w.director, f"/topx/{w.topx_list.pk}/importeren",
                      {"organisation": w.triage.police.pk, "file": _upload(content)})

    check_page_refuses(verified_client, Endpoint(upload_page, []), "file", [(label, _upload(content))])


@pytest.mark.parametrize("organisation", ["een", "", "-1", str(10**20), "1\x00"])
def test_import_api_refuses_a_bad_organisation(api_client: ApiClient, organisation: str) -> None:
    w = make_topx_world()
    before = snapshot()
    response = api_client(w.director).post(f"/api/v1/topx-lists/{w.topx_list.pk}/imports",
                                           {"organisationId": organisation, "file": _upload(HEADER)},
                                           format="multipart")
    assert response.status_code in {400, 404}, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert snapshot() == before


ROWS = [
    ("a BSN failing the eleven-test", "Kees,Zwartkruis,1985-05-05,123456789,1,1,1,Fout BSN", "bsn"),
    ("a BSN of letters", "Kees,Zwartkruis,1985-05-05,12345678x,1,1,1,Fout BSN", "bsn"),
    ("a date that does not exist", "Kees,Zwartkruis,1985-02-30,,1,1,1,Foute datum", "date_of_birth"),
    ("a date in another format", "Kees,Zwartkruis,05-05-1985,,1,1,1,Foute datum", "date_of_birth"),
    ("a date in the future", "Kees,Zwartkruis,2999-01-01,,1,1,1,Toekomst", "date_of_birth"),
    ("a formula (=cmd)", "=cmd|' /C calc'!A0,Zwartkruis,1985-05-05,,1,1,1,Formule", "first_name"),
    ("a formula (+)", "Kees,+SUM(A1:A9),1985-05-05,,1,1,1,Formule", "last_name"),
    ("a formula (@)", "Kees,Zwartkruis,1985-05-05,,1,1,1,@HYPERLINK(\"http://x\")", "motivation"),
    ("a formula (-)", "Kees,Zwartkruis,1985-05-05,,-1,1,1,Min", "score_1"),
    ("a score above the highest", "Kees,Zwartkruis,1985-05-05,,6,1,1,Te hoog", "score_1"),
    ("a score of letters", "Kees,Zwartkruis,1985-05-05,,veel,1,1,Letters", "score_1"),
    ("no motivation", "Kees,Zwartkruis,1985-05-05,,1,1,1,", "motivation"),
    ("too few columns", "Kees,Zwartkruis,1985-05-05", ""),
    ("a name too long", "Kees," + "D" * 201 + ",1985-05-05,,1,1,1,Lang", "last_name"),
]


@pytest.mark.parametrize(("label", "row", "column"), ROWS, ids=[r[0] for r in ROWS])
def test_a_bad_row_is_reported_and_nothing_of_it_is_stored(api_client: ApiClient, label: str, row: str,
                                                           column: str) -> None:
    w: TopxWorld = make_topx_world()
    good = f"Ria,Bakker,1990-02-03,{bsn(11)},3,2,1,Inbraken"
    content = HEADER + f"{good}\n{row}\n".encode()
    response = api_client(w.director).post(f"/api/v1/topx-lists/{w.topx_list.pk}/imports",
                                           {"organisationId": w.triage.police.pk, "file": _upload(content)},
                                           format="multipart")
    assert response.status_code == 201, response.content[:300]
    report = response.json()
    assert report["storedRows"] == 1
    assert [(r["row"], r["field"]) for r in report["refused"]] == [(3, column)]
    assert dutch(report["refused"][0]["reason"])
    assert list(Candidate.objects.values_list("last_name", flat=True)) == ["Bakker"]
    stored = stored_strings(snapshot())
    assert not any("Zwartkruis" in s for s in stored)
