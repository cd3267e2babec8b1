"""Bad input for intake and the case page: the intake (API and form), information items and
attachments. Names of every script are legitimate and stored exactly as given."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opencasus.cases.models import Case
from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.tests.test_views import intake_post
from opencasus.cases.workflow import Status
from opencasus.core.tests.bad_input.common import (
    DROP,
    TOMORROW,
    Endpoint,
    Target,
    assert_refused,
    birth_date,
    catalogue,
    choice,
    date,
    dutch,
    line,
    listing,
    name,
    ref,
    snapshot,
    text,
)
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network.models import Membership

pytestmark = pytest.mark.django_db


def _intake() -> Target:
    w = h.world()
    return Target(w.partner, "/api/v1/cases", {
        "houseId": w.house.pk, "organisationId": w.police.pk, "subjectType": "system",
        "persons": [{"firstName": "Sandra", "lastName": "Jansen", "dateOfBirth": "1985-06-01", "relation": "parent"},
                    {"firstName": "Lisa", "lastName": "Jansen", "dateOfBirth": "2012-04-02", "relation": "child"}],
        "reason": "Zorgen om het gezin.", "requestedPurpose": "Samenhangende aanpak.", "route": "care_track",
        "municipalityCode": "GM0505", "neighbourhood": "Crabbehof", "runningTrajectories": "Schuldhulp.",
        "involvedPartners": [{"organisationName": "Wijkteam", "contact": "Els, 078-1234567"}],
        "peopleInformed": "no", "notInformedReason": "Veiligheid van de kinderen."})


def _admitted_case() -> tuple[h.World, Case]:
    w = h.world()
    case = CaseFactory.create(house=w.house, status=Status.ADMITTED)
    ParticipantFactory.create(case=case, organisation=w.police)
    return w, case


def _own_organisation(user: Any) -> int | None:
    return Membership.objects.filter(user=user).values_list("organisation_id", flat=True).first()


def _information() -> Target:
    w, case = _admitted_case()
    return Target(w.director, f"/api/v1/cases/{case.pk}/information-items", {
        "organisationId": _own_organisation(w.director), "lifeDomain": "offence_history", "text": "Lopende zaak.",
        "sharingScope": "triage_table", "legalBasis": "Convenant, art. 5"})


API = {
    "intake": Endpoint(_intake, [
        *ref("houseId"), *choice("subjectType"), *listing("persons"), ("person as number", "persons.0", 42),
        *name("persons.0.firstName"), *name("persons.0.lastName"),
        ("last name with escape sequence", "persons.0.lastName", "Jansen\x1b[31m"),
        *birth_date("persons.1.dateOfBirth"), ("invalid BSN", "persons.0.bsn", "123456789"),
        ("BSN with letters", "persons.0.bsn", "12345678a"), ("BSN of 10,000 digits", "persons.0.bsn", "1" * 10_000),
        *line("persons.0.address", required=False, limit=250), *choice("persons.0.relation", required=False),
        *text("reason"), *text("requestedPurpose"), *choice("route"), *date("releaseDate", required=False),
        ("municipality unknown", "municipalityCode", "GM9999"),
        ("municipality code too long", "municipalityCode", "GM05050505"),
        *line("neighbourhood", required=False, limit=150), *text("runningTrajectories", required=False),
        *listing("involvedPartners"), *line("involvedPartners.0.organisationName", required=False, limit=200),
        *line("involvedPartners.0.contact", required=False, limit=250), *choice("peopleInformed"),
        ("peopleInformed as boolean", "peopleInformed", True), *text("notInformedReason", required=False),
        *choice("urgency", required=False), *ref("targetGroupId", required=False)],
        legitimate=["reason", "requestedPurpose", "runningTrajectories", "notInformedReason"],
        names=["persons.0.firstName", "persons.0.lastName", "neighbourhood", "involvedPartners.0.contact"]),
    "information item": Endpoint(_information, [
        *text("text"), *choice("lifeDomain"), *choice("sharingScope"), *ref("organisationId", required=False),
        *ref("personId", required=False), *line("legalBasis", limit=300), *listing("sharedWithIds"),
        ("sharedWithIds: text", "sharedWithIds", ["politie"])],
        legitimate=["text"], names=["legalBasis"]),
}


def _intake_page() -> Target:
    w = h.world()
    data = intake_post(w, [{"first_name": "Kevin", "last_name": "de Boer", "date_of_birth": "1999-02-03",
                            "bsn": h.VALID_BSN}], rows=1, neighbourhood="Crabbehof")
    return Target(w.partner, "/aanmeldingen/nieuw/persoon", data)


def _household_intake_page() -> Target:
    w = h.world()
    data = intake_post(w, [{"first_name": "Sandra", "last_name": "Jansen", "date_of_birth": "1985-06-01",
                            "relation": "parent"}], rows=2, neighbourhood="Crabbehof")
    data["persons-remove"] = "1"  # a row action: the page again with the empty second row removed
    return Target(w.partner, "/aanmeldingen/nieuw/systeem", data, ok=(200,))


def _information_page() -> Target:
    w, case = _admitted_case()
    return Target(w.director, f"/casussen/{case.pk}/informatie/nieuw", {
        "organisation": _own_organisation(w.director), "life_domain": "offence_history", "text": "Lopende zaak.",
        "sharing_scope": "triage_table", "legal_basis": "Convenant, art. 5"})


PAGES = {
    "intake": Endpoint(_intake_page, [
        *choice("filing_as", api=False), *text("reason", api=False), *text("requested_purpose", api=False),
        *choice("route", api=False), *choice("urgency", api=False), *ref("municipality", api=False),
        *line("neighbourhood", required=False, limit=150, api=False),
        *text("running_trajectories", required=False, api=False),
        *text("not_informed_reason", required=False, api=False), ("release_date impossible", "release_date",
                                                                   "2026-02-30"),
        *name("persons-0-first_name", api=False), *name("persons-0-last_name", api=False),
        *birth_date("persons-0-date_of_birth", api=False), ("invalid BSN", "persons-0-bsn", "123456789"),
        ("BSN with control characters", "persons-0-bsn", "11122\x1b333"),
        *line("persons-0-address", required=False, limit=250, api=False),
        *line("partners-0-contact", required=False, limit=250, api=False),
        ("persons: more forms than allowed", "persons-TOTAL_FORMS", "5000")],
        legitimate=["reason", "requested_purpose", "running_trajectories"],
        names=["persons-0-first_name", "persons-0-last_name", "neighbourhood"]),
    "household intake rows": Endpoint(_household_intake_page, [
        ("remove: index past the rows", "persons-remove", "2"), ("remove: negative index", "persons-remove", "-1"),
        ("remove: words", "persons-remove", "eerste"), ("remove: huge number", "persons-remove", "9" * 30),
        ("remove: NUL", "persons-remove", "1\x00"),
        ("rows: more than allowed", "persons-TOTAL_FORMS", "5000"), ("rows: negative", "persons-TOTAL_FORMS", "-3"),
        ("rows: words", "persons-TOTAL_FORMS", "twee")]),
    "information item": Endpoint(_information_page, [
        *ref("organisation", api=False), *choice("life_domain", api=False), *text("text", api=False),
        *choice("sharing_scope", api=False), *line("legal_basis", limit=300, api=False),
        ("person: no such person", "person", "987654321")], legitimate=["text"], names=["legal_basis"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)


def test_intake_api_refuses_bodies_that_are_not_json_objects(api_client: ApiClient) -> None:
    w = h.world()
    client = api_client(w.partner)
    for raw, content_type in [(b"{not json", "application/json"), (b"[]", "application/json"),
                              (b"null", "application/json"), (b"\xff\xfe", "application/json"),
                              (b'"' + b"A" * 100 + b'"', "application/json"), (b"houseId=1", "text/plain")]:
        response = client.generic("POST", "/api/v1/cases", raw, content_type=content_type)
        assert response.status_code in {400, 415}, (raw, response.status_code)
        assert response["Content-Type"] == "application/problem+json"
    assert Case.objects.count() == 0


ATTACHMENTS = [
    ("no file", {"file": DROP}),
    ("description of 201 characters", {"description": "A" * 201}),
    ("description with control characters", {"description": "Verslag\x00\x1b[31m"}),
    ("sharing scope unknown", {"sharingScope": "everyone"}),
    ("executable disguised as PDF", {"file": ("verslag.pdf", b"MZ\x90\x00\x03" + b"\x00" * 64)}),
    ("empty file", {"file": ("leeg.pdf", b"")}),
    ("file name without a type", {"file": ("verslag", h.PDF)}),
]


def _multipart(changes: dict[str, Any], *, api: bool) -> dict[str, Any]:
    scope = "sharingScope" if api else "sharing_scope"
    body: dict[str, Any] = {"file": ("verslag.pdf", h.PDF), "description": "Verslag van het huisbezoek",
                            scope: "triage_table"}
    for key, value in changes.items():
        key = scope if key == "sharingScope" else key
        if value is DROP:
            body.pop(key)
        else:
            body[key] = value
    if "file" in body:
        filename, content = body["file"]
        body["file"] = SimpleUploadedFile(filename, content, content_type="application/octet-stream")
    return body


@pytest.mark.parametrize(("label", "changes"), ATTACHMENTS, ids=[a[0] for a in ATTACHMENTS])
def test_attachment_api_refuses(api_client: ApiClient, label: str, changes: Any) -> None:
    w, case = _admitted_case()
    client = api_client(w.director)
    before = snapshot()
    response = client.post(f"/api/v1/cases/{case.pk}/attachments", _multipart(changes, api=True),
                           format="multipart")
    assert_refused(response, before)


@pytest.mark.parametrize(("label", "changes"), ATTACHMENTS, ids=[a[0] for a in ATTACHMENTS])
def test_attachment_page_refuses(verified_client: VerifiedClient, label: str, changes: Any) -> None:
    from opencasus.core.tests.bad_input.common import page_errors

    w, case = _admitted_case()
    client = verified_client(w.director)
    before = snapshot()
    response = client.post(f"/casussen/{case.pk}/bijlagen/nieuw", _multipart(changes, api=False))
    assert response.status_code == 200, response.status_code
    errors = page_errors(response.content.decode())
    assert errors, errors
    assert all(dutch(e) for e in errors), errors
    assert snapshot() == before


def test_attachment_keeps_a_description_in_any_script_and_its_sharing_scope(api_client: ApiClient) -> None:
    w, case = _admitted_case()
    body = _multipart({"description": "حسن 🌷 verslag", "sharingScope": "all_participants"}, api=True)
    response = api_client(w.director).post(f"/api/v1/cases/{case.pk}/attachments", body, format="multipart")
    assert response.status_code == 201, response.content[:300]
    assert response.json()["description"] == "حسن 🌷 verslag"
    assert response.json()["sharingScope"] == "all_participants"  # camelCase, as in every JSON body


@pytest.mark.parametrize(("filename", "stored"), [("ver\x1bslag\x00.pdf", "verslag.pdf"),
                                                  ("a" * 10_000 + ".pdf", "a" * 196 + ".pdf"),
                                                  ("../../etc/passwd.pdf", "passwd.pdf")])
def test_attachment_file_names_are_cleaned_not_refused(api_client: ApiClient, filename: str, stored: str) -> None:
    """A file name comes from the sender's computer, not from typing: it is cleaned (control
    characters and folders dropped, the end kept at most 200 characters) rather than refused."""
    w, case = _admitted_case()
    response = api_client(w.director).post(f"/api/v1/cases/{case.pk}/attachments",
                                           _multipart({"file": (filename, h.PDF)}, api=True), format="multipart")
    assert response.status_code == 201, response.content[:300]
    assert response.json()["filename"] == stored


def test_birth_date_tomorrow_is_refused_in_the_intake_form(verified_client: VerifiedClient) -> None:
    target = _intake_page()
    response = verified_client(target.user).post(target.url, {**target.body, "persons-0-date_of_birth": TOMORROW})
    assert "toekomst" in response.content.decode()
    assert Case.objects.count() == 0
