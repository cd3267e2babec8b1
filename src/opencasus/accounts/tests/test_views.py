import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.core.tests.clients import VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.parametrize("role", list(Role.values))
def test_no_role_reaches_personal_data_pages_without_a_second_factor(role: str, password: str) -> None:
    house = HouseFactory.create()
    user = member(house, role)
    client = Client()
    assert client.post(reverse("accounts:login"), {"username": user.username, "password": password}).status_code == 302
    for url in [reverse("core:start"), reverse("network:overview", args=[house.pk]), "/beheer/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/tweede-factor")


def test_enrolment_by_qr_then_access(password: str) -> None:
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR)
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    page = client.get(reverse("accounts:enrol"))
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    bad = "000000" if current_code(device) != "000000" else "111111"
    wrong = client.post(reverse("accounts:enrol"), {"token": bad})
    assert "niet juist" in wrong.content.decode()
    response = client.post(reverse("accounts:enrol"), {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("core:start")).status_code == 200
    assert client.get(reverse("network:overview", args=[house.pk])).status_code == 200


def test_verify_with_existing_device(password: str) -> None:
    house = HouseFactory.create()
    user = member(house, Role.SECRETARY)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert client.get(reverse("core:start"))["Location"].startswith(reverse("accounts:verify"))
    assert client.post(reverse("accounts:verify"), {"token": "12345x"}).status_code == 200
    assert client.post(reverse("accounts:verify"), {"token": current_code(device)}).status_code == 302
    assert client.get(reverse("core:start")).status_code == 200


def test_enrolment_cannot_replace_a_confirmed_device(password: str) -> None:
    """A stolen password must not let an attacker enrol their own authenticator."""
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    response = client.get(reverse("accounts:enrol"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:verify")


def test_login_throttling_locks_out_after_repeated_failures(password: str) -> None:
    user = UserFactory.create()
    client = Client(REMOTE_ADDR="10.1.2.3")
    for _ in range(5):
        response = client.post(reverse("accounts:login"), {"username": user.username, "password": "wrong"})
    assert response.status_code == 429
    # Even the right password is refused while locked.
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()


def test_system_client_cannot_log_in_to_pages(password: str) -> None:
    user = UserFactory.create(is_system_client=True)
    response = Client().post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert response.status_code == 200
    assert "_auth_user_id" not in Client().session


def test_logout_is_post_only(verified_client: VerifiedClient) -> None:
    user = member(HouseFactory.create(), Role.SECRETARY)
    client = verified_client(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("core:start")).status_code == 302


def test_session_key_changes_at_login(password: str) -> None:
    """Session fixation: the session id before login is not the one after."""
    user = UserFactory.create()
    client = Client()
    client.get(reverse("accounts:login"))
    session = client.session
    session["probe"] = 1
    session.save()
    before = session.session_key
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert client.session.session_key != before


def test_api_token_needs_second_factor(verified_client: VerifiedClient, password: str) -> None:
    user = member(HouseFactory.create(), Role.PARTNER_PROFESSIONAL)
    unverified = Client()
    unverified.post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert unverified.post(reverse("accounts:api-token")).status_code == 302
    response = verified_client(user).post(reverse("accounts:api-token"))
    assert response.status_code == 200
    token = user.auth_token_set.get()
    assert token.token_key in response.content.decode()
