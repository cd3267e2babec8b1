"""Bad input for signing in: the login form and the second factor (verification and enrolment); and
the project's own wording for signing in and out, also in the administration."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.cases.tests import helpers as h
from opencasus.core.tests.bad_input.common import dutch, page_errors, snapshot
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db

USERNAMES = ["A" * 10_000, "admin\x00", "admin\x1b[31m", "<script>alert(1)</script>", "\u202enimda", "حسن 🌷", ""]
TOKENS = ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦", "12 456", "\x00" * 6, "1" * 10_000, "12345\x1b"]


@pytest.mark.parametrize("username", USERNAMES, ids=repr)
def test_login_form_with_hostile_input_answers_in_dutch(client, username):
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
def test_second_factor_form_with_hostile_input_answers_in_dutch(password, token):
    client = _half_signed_in(password)
    response = client.post("/tweede-factor", {"token": token})
    assert response.status_code == 200, token
    errors = page_errors(response.content.decode())
    assert errors and all(dutch(e) for e in errors), errors
    assert client.get("/")["Location"].startswith("/tweede-factor")


@pytest.mark.parametrize("token", TOKENS, ids=repr)
def test_enrolment_form_with_hostile_input_answers_in_dutch(password, token):
    user = member(h.world().house, Role.SECRETARY)
    client = Client()
    client.post("/inloggen", {"username": user.username, "password": password})
    client.get("/tweede-factor/instellen")
    response = client.post("/tweede-factor/instellen", {"token": token})
    assert response.status_code == 200, token
    errors = page_errors(response.content.decode())
    assert errors and all(dutch(e) for e in errors), errors
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_signing_in_and_out_uses_the_projects_wording(client, verified_client):
    login = client.get("/inloggen").content.decode()
    assert "Inloggen" in login and "Aanmelden" not in login
    user = member(h.world().house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    page = verified_client(user).get("/").content.decode()
    assert re.search(r">\s*Uitloggen\s*<", page) and "Afmelden" not in page
    admin = verified_client(user).get("/beheer/")
    assert admin.status_code == 200
    assert "Uitloggen" in admin.content.decode() and "Afmelden" not in admin.content.decode()


EMAILS = ["", "geen-adres", "a" * 300 + "@example.invalid", "iemand@example.invalid\x00",
          "\u202eiemand@example.invalid", "iem\u200band@example.invalid", "\ufeffiemand@example.invalid",
          "iemand\u2028@example.invalid"]
NEW_PASSWORDS = [("", ""), ("kort", "kort"), ("Lang-genoeg-wachtwoord-1", "Ander-wachtwoord-2"),
                 ("Lang\u202egenoeg-wachtwoord-1",) * 2, ("Lang\x1bgenoeg-wachtwoord-1",) * 2, ("1" * 20,) * 2]


@pytest.mark.parametrize("email", EMAILS, ids=repr)
def test_password_reset_request_with_hostile_input_answers_in_dutch(email):
    from django.core import mail
    from django.core.cache import cache

    cache.clear()
    member(h.world().house, Role.SECRETARY, email="iemand@example.invalid")
    response = Client().post("/wachtwoord-vergeten", {"email": email})
    assert response.status_code == 200, email
    errors = page_errors(response.content.decode())
    assert errors and all(dutch(e) for e in errors), errors
    assert mail.outbox == []


@pytest.mark.parametrize(("first", "second"), NEW_PASSWORDS, ids=repr)
def test_new_password_with_hostile_input_answers_in_dutch(first, second):
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
    assert errors and all(dutch(e) for e in errors), errors
    assert snapshot() == before
