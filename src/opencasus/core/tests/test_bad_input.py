"""Bad input catalogue: malformed and hostile input for every form and API body.

Each entry either gets a 400 problem+json (API) or a Dutch message on the page (UI), and nothing
is stored; input that is legitimate in a name (emoji, right-to-left script) is stored exactly as
given. Never a server error.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest

from opencasus.cases.models import Case, InformationItem, Person
from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.workflow import Status
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
ENGLISH = ("This field", "is required", "Enter a valid", "must be", "not a valid", "Ensure this")


def intake(w: h.World) -> dict[str, Any]:
    return {
        "houseId": w.house.pk, "organisationId": w.police.pk, "subjectType": "system",
        "persons": [{"firstName": "Sandra", "lastName": "Jansen", "dateOfBirth": "1985-06-01", "relation": "parent"},
                    {"firstName": "Lisa", "lastName": "Jansen", "dateOfBirth": "2012-04-02", "relation": "child"}],
        "reason": "Zorgen om het gezin.", "requestedPurpose": "Samenhangende aanpak.", "route": "care_track",
        "municipalityCode": "GM0505", "peopleInformed": "yes",
    }


def _set(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    body = copy.deepcopy(body)
    target: Any = body
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    if value is _DROP:
        del target[last]
    elif last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return body


_DROP = object()

REFUSED = [
    ("houseId as text", "houseId", "een"),
    ("houseId missing", "houseId", _DROP),
    ("houseId of no house", "houseId", 987654321),
    ("subjectType unknown", "subjectType", "alien"),
    ("subjectType as list", "subjectType", ["system"]),
    ("persons not a list", "persons", "Sandra"),
    ("person as number", "persons.0", 42),
    ("first name missing", "persons.0.firstName", _DROP),
    ("first name empty", "persons.0.firstName", ""),
    ("first name of 10,000 characters", "persons.0.firstName", "A" * 10_000),
    ("last name with control characters", "persons.0.lastName", "Jan\x00sen"),
    ("last name with escape sequence", "persons.0.lastName", "Jansen\x1b[31m"),
    ("impossible date", "persons.1.dateOfBirth", "2012-02-30"),
    ("date in the wrong format", "persons.1.dateOfBirth", "02-04-2012"),
    ("date as number", "persons.1.dateOfBirth", 20120402),
    ("birth date in the future", "persons.1.dateOfBirth", TOMORROW),
    ("birth date before 1900", "persons.1.dateOfBirth", "1850-01-01"),
    ("invalid BSN", "persons.0.bsn", "123456789"),
    ("BSN with letters", "persons.0.bsn", "12345678a"),
    ("relation unknown", "persons.0.relation", "boss"),
    ("reason missing", "reason", _DROP),
    ("reason only spaces", "reason", "   "),
    ("reason as object", "reason", {"text": "x"}),
    ("route unknown", "route", "teleport"),
    ("municipality unknown", "municipalityCode", "GM9999"),
    ("municipality code too long", "municipalityCode", "GM05050505"),
    ("peopleInformed as boolean", "peopleInformed", True),
    ("release date impossible", "releaseDate", "2026-13-01"),
    ("urgency unknown", "urgency", "yesterday"),
]

LEGITIMATE = [
    ("emoji in a name", "persons.0.firstName", "Sandra 🌷"),
    ("right-to-left name", "persons.0.lastName", "حسن"),
    ("mixed scripts and diacritics", "persons.0.lastName", "Çelik-Öztürk"),
]


def _dutch(text: str) -> bool:
    return not any(phrase in text for phrase in ENGLISH)


@pytest.mark.parametrize(("label", "path", "value"), REFUSED,
                         ids=[(r.values if hasattr(r, "values") else r)[0] for r in REFUSED])
def test_intake_api_refuses(api_client, label, path, value):
    w = h.world()
    response = api_client(w.partner).post("/api/v1/cases", _set(intake(w), path, value), format="json")
    assert response.status_code == 400, f"{label}: {response.status_code} {response.content[:300]!r}"
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["invalidParams"], label
    reasons = " ".join(p["reason"] for p in problem["invalidParams"])
    assert _dutch(reasons), f"{label}: not Dutch: {reasons}"
    assert Case.objects.count() == 0 and Person.objects.count() == 0, label


@pytest.mark.parametrize(("label", "path", "value"), LEGITIMATE, ids=[r[0] for r in LEGITIMATE])
def test_intake_api_keeps_legitimate_names_exactly(api_client, label, path, value):
    w = h.world()
    response = api_client(w.partner).post("/api/v1/cases", _set(intake(w), path, value), format="json")
    assert response.status_code == 201, f"{label}: {response.content[:300]!r}"
    names = {p.first_name for p in Person.objects.all()} | {p.last_name for p in Person.objects.all()}
    assert value in names


def test_intake_api_refuses_bodies_that_are_not_json_objects(api_client):
    w = h.world()
    client = api_client(w.partner)
    for raw, content_type in [(b"{not json", "application/json"), (b"[]", "application/json"),
                              (b"null", "application/json"), (b"\xff\xfe", "application/json"),
                              (b"houseId=1", "text/plain")]:
        response = client.generic("POST", "/api/v1/cases", raw, content_type=content_type)
        assert response.status_code in {400, 415}, (raw, response.status_code)
        assert response["Content-Type"] == "application/problem+json"
    assert Case.objects.count() == 0


INFO_REFUSED = [
    ("text missing", "text", _DROP),
    ("text as list", "text", ["x"]),
    ("life domain unknown", "lifeDomain", "astrology"),
    ("sharing scope unknown", "sharingScope", "everyone"),
    ("organisation as text", "organisationId", "politie"),
    ("person of another case", "personId", 987654321),
    ("legal basis missing", "legalBasis", _DROP),
    ("text with control characters", "text", "Zorg\x00en\x07"),
]


@pytest.mark.parametrize(("label", "path", "value"), INFO_REFUSED, ids=[r[0] for r in INFO_REFUSED])
def test_information_item_api_refuses(api_client, label, path, value):
    w = h.world()
    case = CaseFactory(house=w.house, status=Status.ADMITTED)
    ParticipantFactory(case=case, organisation=w.police)
    body = {"organisationId": w.police.pk, "lifeDomain": "offence_history", "text": "Lopende zaak.",
            "sharingScope": "triage_table", "legalBasis": "Convenant, art. 5"}
    response = api_client(w.director).post(f"/api/v1/cases/{case.pk}/information-items", _set(body, path, value),
                                          format="json")
    assert response.status_code == 400, f"{label}: {response.status_code} {response.content[:300]!r}"
    reasons = " ".join(p["reason"] for p in response.json()["invalidParams"])
    assert _dutch(reasons), f"{label}: not Dutch: {reasons}"
    assert InformationItem.objects.count() == 0


def test_login_form_with_hostile_input_answers_in_dutch(client):
    for username in ["A" * 10_000, "admin\x00", "<script>alert(1)</script>", "‮nimda"]:
        response = client.post("/inloggen", {"username": username, "password": "x"})
        assert response.status_code in {200, 429}
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body
        if response.status_code == 200:
            errors = re.findall(r'(?:role="alert"|form-field-error-message)[^>]*>(.*?)</div>', body, re.S)
            assert errors, f"no message for {username[:20]!r}"
            assert all(_dutch(e) for e in errors), errors


def test_second_factor_form_with_hostile_input_answers_in_dutch(verified_client, password):
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = member(h.world().house, Role.SECRETARY)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    for token in ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦", "12 456", "\x00\x00\x00\x00\x00\x00"]:
        response = client.post("/tweede-factor", {"token": token})
        assert response.status_code == 200, token
        body = response.content.decode()
        assert "utrecht-form-field-error-message" in body, token
        assert _dutch(body.split('utrecht-form-field-error-message')[1][:300]), token
    assert client.get("/")["Location"].startswith("/tweede-factor")
