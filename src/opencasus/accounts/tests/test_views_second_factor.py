"""The second-factor page: where it sends the user afterwards, and the session key it leaves."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def signed_in(password: str) -> tuple[Client, TOTPDevice]:
    user = member(HouseFactory.create(), Role.SECRETARY)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    return client, device


@pytest.mark.parametrize("target", [
    "//evil.example",
    "//evil.example/zaken",
    "https://evil.example",
    "http://evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https:evil.example",
    "///evil.example",
    "http://testserver@evil.example/",
    "evil.example",
])
def test_verify_never_redirects_off_site(password: str, target: str) -> None:
    client, device = signed_in(password)
    response = client.post(reverse("accounts:verify") + "?" + _query(target), {"token": current_code(device)})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:start")


@pytest.mark.parametrize("target", ["/zaken/", "/beheer/?q=1", "/tweede-factor/instellen"])
def test_verify_follows_a_same_site_path(password: str, target: str) -> None:
    client, device = signed_in(password)
    response = client.post(reverse("accounts:verify") + "?" + _query(target), {"token": current_code(device)})
    assert response.status_code == 302
    assert response["Location"] == target


def test_session_key_changes_at_the_second_factor(password: str) -> None:
    """Session fixation: the key the browser had after the password is not the verified one."""
    client, device = signed_in(password)
    before = client.session.session_key
    assert before
    assert client.post(reverse("accounts:verify"), {"token": current_code(device)}).status_code == 302
    after = client.session.session_key
    assert after != before
    assert client.get(reverse("core:start")).status_code == 200
    # The old key no longer opens a verified session.
    old = Client()
    old.cookies["sessionid"] = before
    assert old.get(reverse("core:start")).status_code == 302


def test_session_key_changes_at_enrolment(password: str) -> None:
    user = member(HouseFactory.create(), Role.SECRETARY)
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    client.get(reverse("accounts:enrol"))
    before = client.session.session_key
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(reverse("accounts:enrol"), {"token": current_code(device)}).status_code == 302
    assert client.session.session_key != before


def _query(target: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"next": target})
