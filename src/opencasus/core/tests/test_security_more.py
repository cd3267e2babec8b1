"""Security gates: deployment check, session fixation, code throttling, enrolment takeover,
escaping of every text field on every page, the BSN never leaking, and refused uploads."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.cases.models import Attachment, Case
from opencasus.cases.tests import helpers as h
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.core.tests.gate_houses import house_path
from opencasus.core.tests.urlwalk import routes
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[4]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "opencasus.settings.production",
    "SECRET_KEY": "p" * 20 + "Q7x!" + "r" * 30,
    "ALLOWED_HOSTS": "casus.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://casus.example.nl",
    "OPENCASUS_FIELD_KEY": "k" * 40,
    "DATABASE_URL": "postgres://opencasus@127.0.0.1:5432/opencasus",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


def test_deploy_check_with_production_settings_has_no_warnings() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in {"DEBUG"}}
    env.update(PRODUCTION_ENV, PYTHONPATH=str(PROJECT_DIR / "src"))
    result = subprocess.run([sys.executable, str(PROJECT_DIR / "manage.py"), "check", "--deploy",
                             "--fail-level", "WARNING"], env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_session_key_changes_at_login_and_dies_at_logout(password: str) -> None:
    user = member(HouseFactory.create(), Role.SECRETARY)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    session = client.session
    session["planted"] = "by an attacker"
    session.save()
    planted = session.session_key
    assert planted is not None
    client.cookies["sessionid"] = planted
    client.post("/inloggen", {"username": user.username, "password": password})
    after_password = client.cookies["sessionid"].value
    assert after_password != planted
    from opencasus.core.tests.e2e.flow import current_code

    assert client.post("/tweede-factor", {"token": current_code(device)}).status_code == 302
    assert client.get("/").status_code == 200
    attacker = Client()
    attacker.cookies["sessionid"] = planted
    assert attacker.get("/")["Location"].startswith("/inloggen")
    stolen = client.cookies["sessionid"].value
    client.post("/uitloggen")
    replay = Client()
    replay.cookies["sessionid"] = stolen
    assert replay.get("/")["Location"].startswith("/inloggen")


@override_settings(OTP_TOTP_THROTTLE_FACTOR=1)
def test_guessing_codes_is_throttled(password: str) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    from opencasus.core.tests.e2e.flow import current_code

    good = current_code(device)
    wrong = "000000" if good != "000000" else "111111"
    for _ in range(3):
        client.post("/tweede-factor", {"token": wrong})
    response = client.post("/tweede-factor", {"token": good})
    assert response.status_code == 200, "the right code right after wrong guesses must wait"
    assert client.get("/")["Location"].startswith("/tweede-factor")


def test_enrolment_cannot_take_over_an_account_with_a_device(password: str) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    existing = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    for method in ("get", "post"):
        response = getattr(client, method)("/tweede-factor/instellen", {"token": "123456"})
        assert response.status_code == 302
        assert response["Location"] == "/tweede-factor"
    assert list(TOTPDevice.objects.filter(user=user, confirmed=True)) == [existing]
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()


PAYLOAD = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)>"


def _poison_text_fields(house_id: int) -> int:
    """Write the payload into every free-text field of every record of the house."""
    from django.apps import apps

    fields = 0
    for model in apps.get_models():
        if not model.__module__.startswith("opencasus.") or model.__module__.startswith("opencasus.logbook"):
            continue
        path = house_path(model)
        if path is None:
            continue
        updates = {}
        for f in model._meta.get_fields():
            if (isinstance(f, models.CharField | models.TextField) and not f.choices and not f.unique
                    and not f.name.endswith(("_hash", "_encrypted", "_key", "code")) and f.name != "reference"):
                updates[f.name] = PAYLOAD[: f.max_length] if f.max_length else PAYLOAD
        if updates:
            lookup = {path: house_id} if path != "pk" else {"pk": house_id}
            try:
                if model._default_manager.filter(**lookup).update(**updates):
                    fields += len(updates)
            except PermissionError:  # an append-only trail (accounts.AccountEvent) cannot be poisoned afterwards
                continue
    return fields


def test_html_in_every_text_field_is_rendered_escaped(verified_client: VerifiedClient, api_client: ApiClient) -> None:
    w = h.world()
    case = CaseFactory.create(house=w.house, status=Status.ADMITTED, filed_by=w.partner, filed_by_organisation=w.police)
    PersonFactory.create(case=case)
    poisoned = _poison_text_fields(w.house.pk)
    assert poisoned >= 5
    client = verified_client(w.director)
    ids = {"house_id": w.house.pk, "case_id": case.pk, "caseId": case.pk, "pk": case.pk}
    escaped_on = []
    for route in routes():
        if route.is_admin or route.is_api or any(p not in ids for p in route.params):
            continue
        response = client.get(route.url(ids))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        assert "<script>alert(" not in body, f"unescaped payload on {route.template}"
        assert "<img src=x" not in body, f"unescaped payload on {route.template}"
        if "&lt;script&gt;" in body:
            escaped_on.append(route.template)
    print(f"escaping: {poisoned} text fields poisoned; payload shown escaped on {escaped_on}")
    assert "/casussen/{case_id}" in escaped_on


def test_bsn_never_in_a_url_a_log_line_or_an_error(api_client: ApiClient, verified_client: VerifiedClient,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    w = h.world()
    caplog.set_level(logging.DEBUG)
    body: dict[str, Any] = {"houseId": w.house.pk, "organisationId": w.police.pk, "subjectType": "person",
            "persons": [{"firstName": "Kevin", "lastName": "de Boer", "dateOfBirth": "1999-02-03", "bsn": h.VALID_BSN,
                         "relation": "subject"}],
            "reason": "Overlast.", "requestedPurpose": "Aanpak.", "route": "zsm", "municipalityCode": "GM0505",
            "peopleInformed": "yes"}
    created = api_client(w.partner).post("/api/v1/cases", body, format="json")
    assert created.status_code == 201, created.content
    assert h.VALID_BSN not in created.content.decode()
    bad = api_client(w.partner).post("/api/v1/cases", {**body, "persons": [
        {**body["persons"][0], "bsn": h.INVALID_BSN}]}, format="json")
    assert bad.status_code == 400
    assert h.INVALID_BSN not in bad.content.decode()
    case = Case.objects.get()
    client = verified_client(w.director)
    ids = {"house_id": w.house.pk, "case_id": case.pk}
    for route in routes():
        if route.is_admin or route.is_api or any(p not in ids for p in route.params):
            continue
        response = client.get(route.url(ids))
        text = response.content.decode(errors="replace")
        for url in [*re.findall(r'(?:href|src|action)="([^"]*)"', text), response.get("Location", "")]:
            assert h.VALID_BSN not in url, f"BSN in a URL on {route.template}"
    for record in ProcessingRecord.objects.all():
        assert h.VALID_BSN not in " ".join(str(getattr(record, f.attname)) for f in record._meta.concrete_fields)
    assert h.VALID_BSN not in caplog.text
    assert h.INVALID_BSN not in caplog.text


def _admitted_case(w: h.World) -> Case:
    from opencasus.cases.tests.factories import ParticipantFactory

    case = CaseFactory.create(house=w.house, status=Status.ADMITTED)
    ParticipantFactory.create(case=case, organisation=w.police)
    return case


@pytest.mark.parametrize(("name", "content"), [
    ("rapport.pdf", b"MZ\x90\x00\x03 this is a windows program"),
    ("rapport.exe", b"MZ\x90\x00\x03"),
    ("foto.png", b"<html><script>alert(1)</script></html>"),
    ("notitie.txt", b"\x00\x01\x02\x03binary"),
    ("leeg.pdf", b""),
    ("groot.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)),
    ("script.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
])
def test_uploads_of_the_wrong_type_or_too_large_are_refused(api_client: ApiClient, verified_client: VerifiedClient,
                                                            name: str, content: Any) -> None:
    w = h.world()
    case = _admitted_case(w)
    api = api_client(w.director)
    response = api.post(f"/api/v1/cases/{case.pk}/attachments",
                        {"file": SimpleUploadedFile(name, content), "sharingScope": "triage_table"},
                        format="multipart")
    assert response.status_code == 400, (name, response.status_code, response.content[:200])
    assert response["Content-Type"] == "application/problem+json"
    page = verified_client(w.director).post(f"/casussen/{case.pk}/bijlagen/nieuw",
                                            {"file": SimpleUploadedFile(name, content),
                                             "sharing_scope": "triage_table"})
    assert page.status_code == 200
    assert "utrecht-form-field-error-message" in page.content.decode() or 'role="alert"' in page.content.decode()
    assert Attachment.objects.count() == 0
