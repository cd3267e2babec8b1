"""Bad input for signing in: the login form and the second factor (verification and enrolment); and
the project's own wording for signing in and out, also in the administration."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.cases.tests import helpers as h
from opencasus.core.tests.bad_input.common import (
    DROP,
    Endpoint,
    Target,
    catalogue,
    choice,
    date,
    dutch,
    page_errors,
    ref,
    snapshot,
    text,
)
from opencasus.core.tests.clients import VerifiedClient
from opencasus.network import grants
from opencasus.network.models import Role
from opencasus.network.tests.factories import TEST_PASSWORD, HouseFactory, OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db

USERNAMES = ["A" * 10_000, "admin\x00", "admin\x1b[31m", "<script>alert(1)</script>", "\u202enimda", "حسن 🌷", ""]
TOKENS = ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦", "12 456", "\x00" * 6, "1" * 10_000, "12345\x1b"]


@pytest.mark.parametrize("username", USERNAMES, ids=repr)
def test_login_form_with_hostile_input_answers_in_dutch(client: Client, username: str) -> None:
    before = snapshot()
    response = client.post("/inloggen", {"username": username, "password": "x"})
    assert response.status_code in {200, 429}
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    if response.status_code == 200:
        errors = page_errors(body)
        assert errors, f"no message for {username[:20]!r}"
        assert all(dutch(e) for e in errors), errors
    assert snapshot() == before


def _half_signed_in(password: str) -> Client:
    user = member(h.world().house, Role.SECRETARY)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    return client


@pytest.mark.parametrize("token", TOKENS, ids=repr)
def test_second_factor_form_with_hostile_input_answers_in_dutch(password: str, token: str) -> None:
    client = _half_signed_in(password)
    response = client.post("/tweede-factor", {"token": token})
    assert response.status_code == 200, token
    errors = page_errors(response.content.decode())
    assert errors, errors
    assert all(dutch(e) for e in errors), errors
    assert client.get("/")["Location"].startswith("/tweede-factor")


@pytest.mark.parametrize("token", TOKENS, ids=repr)
def test_enrolment_form_with_hostile_input_answers_in_dutch(password: str, token: str) -> None:
    user = member(h.world().house, Role.SECRETARY)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    client.get("/tweede-factor/instellen")
    response = client.post("/tweede-factor/instellen", {"token": token})
    assert response.status_code == 200, token
    errors = page_errors(response.content.decode())
    assert errors, errors
    assert all(dutch(e) for e in errors), errors
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_signing_in_and_out_uses_the_projects_wording(client: Client, verified_client: VerifiedClient) -> None:
    login = client.get("/inloggen").content.decode()
    assert "Inloggen" in login
    assert "Aanmelden" not in login
    user = member(h.world().house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    page = verified_client(user).get("/").content.decode()
    assert re.search(r">\s*Uitloggen\s*<", page)
    assert "Afmelden" not in page
    admin = verified_client(user).get("/beheer/")
    assert admin.status_code == 200
    assert "Uitloggen" in admin.content.decode()
    assert "Afmelden" not in admin.content.decode()


EMAILS = ["", "geen-adres", "a" * 300 + "@example.invalid", "iemand@example.invalid\x00",
          "\u202eiemand@example.invalid", "iem\u200band@example.invalid", "\ufeffiemand@example.invalid",
          "iemand\u2028@example.invalid"]
NEW_PASSWORDS = [("", ""), ("kort", "kort"), ("Lang-genoeg-wachtwoord-1", "Ander-wachtwoord-2"),
                 ("Lang\u202egenoeg-wachtwoord-1",) * 2, ("Lang\x1bgenoeg-wachtwoord-1",) * 2, ("1" * 20,) * 2]


@pytest.mark.parametrize("email", EMAILS, ids=repr)
def test_password_reset_request_with_hostile_input_answers_in_dutch(email: str) -> None:
    from django.core import mail
    from django.core.cache import cache

    cache.clear()
    member(h.world().house, Role.SECRETARY, email="iemand@example.invalid")
    response = Client().post("/wachtwoord-vergeten", {"email": email})
    assert response.status_code == 200, email
    errors = page_errors(response.content.decode())
    assert errors, errors
    assert all(dutch(e) for e in errors), errors
    assert mail.outbox == []


@pytest.mark.parametrize(("first", "second"), NEW_PASSWORDS, ids=repr)
def test_new_password_with_hostile_input_answers_in_dutch(first: str, second: str) -> None:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = member(h.world().house, Role.SECRETARY, email="iemand@example.invalid")
    client = Client()
    uid, token = urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)
    link = f"/wachtwoord-herstellen/{uid}/{token}"
    form_url = client.get(link)["Location"]
    before = snapshot()
    response = client.post(form_url, {"new_password1": first, "new_password2": second})
    assert response.status_code == 200
    errors = page_errors(response.content.decode())
    assert errors, errors
    assert all(dutch(e) for e in errors), errors
    assert snapshot() == before


# --- the API: a token request, and a decision on a role grant -------------------------------------------

def _token_request() -> Target:
    user = member(h.world().house, Role.SECRETARY)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return Target(user, "/api/v1/tokens", {"username": user.username, "password": TEST_PASSWORD,
                                           "totpCode": "123456"}, ok=(201, 401))


def _grant() -> tuple[Any, Any]:
    house = HouseFactory.create()
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    grant = grants.membership_request(actor=admin, user=UserFactory.create(), house=house,
                                      organisation=OrganisationFactory.create(), role=Role.PARTNER_PROFESSIONAL)
    return manager, grant


def _approval() -> Target:
    manager, grant = _grant()
    return Target(manager, f"/api/v1/role-grants/{grant.pk}/approval", {"reason": "Akkoord"})


def _refusal() -> Target:
    manager, grant = _grant()
    return Target(manager, f"/api/v1/role-grants/{grant.pk}/refusal", {"reason": "Geen functie in dit huis"})


def _grant_request() -> Target:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    return Target(admin, "/api/v1/role-grants", {"userId": UserFactory.create().pk, "houseId": house.pk,
                                                 "organisationId": OrganisationFactory.create().pk,
                                                 "role": "secretary"},
                  ok=(201,))


def _system_token() -> Target:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    client = member(house, Role.MUNICIPALITY_OFFICER, is_system_client=True)
    return Target(admin, "/api/v1/system-tokens", {"userId": client.pk, "expiresOn": "2099-01-01"})


CODES = [(f"totpCode: {value[:12]!r}", "totpCode", value) for value in TOKENS] + [
    ("totpCode: missing", "totpCode", DROP), ("totpCode: a number", "totpCode", 123456.5),
    ("totpCode: a list", "totpCode", ["123456"])]

API = {
    "token request": Endpoint(_token_request, [
        ("username: 10,000 characters", "username", "A" * 10_000), ("username: control characters", "username",
                                                                     "admin\x00"),
        ("username: escape sequence", "username", "admin\x1b[31m"), ("username: missing", "username", DROP),
        ("username: a list", "username", ["admin"]), ("password: missing", "password", DROP),
        ("password: a list", "password", ["geheim"]), ("password: 5,000 characters", "password", "A" * 5_000),
        *CODES]),
    "role grant approval": Endpoint(_approval, text("reason", required=False, limit=500)),
    "role grant refusal": Endpoint(_refusal, text("reason", limit=500), legitimate=["reason"]),
    "role grant request": Endpoint(_grant_request, [
        *ref("userId"), *ref("houseId"), *ref("organisationId"), *choice("role"),
        *ref("municipalityId", required=False), *date("startDate", required=False)]),
    "system-client token": Endpoint(_system_token, [*ref("userId"), *date("expiresOn"),
                                                    ("expiresOn: in the past", "expiresOn", "2000-01-01"),
                                                    ("expiresOn: too far ahead", "expiresOn", "2999-01-01")]),
}

test_api_refuses, test_api_keeps_legitimate_text, _unused_page, _unused_page_text = catalogue(API, {})
