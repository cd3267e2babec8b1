"""Password reset by e-mail link and by a functional administrator: neither passes the second factor."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts.passwords import RESET_REQUESTS_PER_ADDRESS, password_reset_by_admin
from opencasus.core.tests.clients import VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, UserFactory, member

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Nieuw-en-lang-genoeg-2026!"


@pytest.fixture(autouse=True)
def _fresh_throttle() -> None:
    cache.clear()


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def link_in(message: EmailMessage) -> str:
    found = re.search(r"https?://\S+", message.body)
    assert found, message.body
    return found.group(0).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def ask_link(client: Client, email: str) -> HttpResponse:
    return client.post(reverse("accounts:password-reset"), {"email": email})


def choose_password(client: Client, link: str) -> HttpResponse:
    page = client.get(link, follow=True)  # the token moves out of the address into the session
    assert page.status_code == 200
    assert "Kies een nieuw wachtwoord" in page.content.decode()
    return client.post(page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def test_reset_by_link_then_the_second_factor_is_still_asked(password: str) -> None:
    user = member(HouseFactory.create(), Role.SECRETARY, email="secretaris@example.invalid")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    response = ask_link(client, "Secretaris@example.invalid")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["secretaris@example.invalid"]
    assert message.subject == "Open Casus: kies een nieuw wachtwoord"
    assert "Kies een nieuw wachtwoord met deze link" in message.body
    assert user.username not in message.body
    done = choose_password(client, link_in(message))
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password-reset-complete")
    # Not signed in by the reset: the start page asks for a login.
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("core:start"))["Location"].startswith(reverse("accounts:login"))
    # The old password is gone; the new one leads to the second factor, not past it.
    assert client.post(reverse("accounts:login"), {"username": user.username, "password": password}).status_code == 200
    client.post(reverse("accounts:login"), {"username": user.username, "password": NEW_PASSWORD})
    assert client.get(reverse("core:start"))["Location"].startswith(reverse("accounts:verify"))
    assert client.post(reverse("accounts:verify"), {"token": code(device)}).status_code == 302
    assert client.get(reverse("core:start")).status_code == 200
    # The link works once.
    again = Client().get(link_in(message), follow=True).content.decode()
    assert "Deze link werkt niet meer" in again


def test_the_answer_does_not_tell_whether_an_account_exists() -> None:
    member(HouseFactory.create(), Role.SECRETARY, email="bestaat@example.invalid")
    known = ask_link(Client(REMOTE_ADDR="10.0.0.1"), "bestaat@example.invalid")
    unknown = ask_link(Client(REMOTE_ADDR="10.0.0.2"), "bestaat-niet@example.invalid")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["bestaat@example.invalid"]]
    page = Client().get(reverse("accounts:password-reset-done")).content.decode()
    assert "Hoort er een account bij dit adres" in page


def test_no_link_for_a_system_client_or_an_inactive_account() -> None:
    UserFactory.create(email="systeem@example.invalid", is_system_client=True)
    UserFactory.create(email="weg@example.invalid", is_active=False)
    for email in ["systeem@example.invalid", "weg@example.invalid"]:
        assert ask_link(Client(), email).status_code == 302
    assert mail.outbox == []


def test_requests_for_a_link_are_throttled() -> None:
    member(HouseFactory.create(), Role.SECRETARY, email="veel@example.invalid")
    client = Client(REMOTE_ADDR="10.9.9.9")
    responses = [ask_link(client, f"iemand{n}@example.invalid").status_code for n in range(RESET_REQUESTS_PER_ADDRESS)]
    assert responses == [302] * RESET_REQUESTS_PER_ADDRESS
    refused = ask_link(client, "ander@example.invalid")
    assert refused.status_code == 429
    assert "Te veel aanvragen" in refused.content.decode()
    assert mail.outbox == []
    # Per e-mail address too, from any client address.
    for n in range(3):
        assert ask_link(Client(REMOTE_ADDR=f"10.8.0.{n}"), "veel@example.invalid").status_code == 302
    assert ask_link(Client(REMOTE_ADDR="10.8.1.1"), "veel@example.invalid").status_code == 429
    assert len(mail.outbox) == 3


def test_a_bad_new_password_is_refused_in_dutch() -> None:
    user = member(HouseFactory.create(), Role.SECRETARY, email="kort@example.invalid")
    client = Client()
    ask_link(client, user.email)
    page = client.get(link_in(mail.outbox[0]), follow=True)
    response = client.post(page.redirect_chain[-1][0], {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert "te kort" in response.content.decode()
    user.refresh_from_db()
    assert not user.check_password("kort")


def test_admin_reset_forces_a_new_authenticator(password: str) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    user = member(house, Role.PARTNER_PROFESSIONAL, email="partner@example.invalid")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    old_session = Client()
    old_session.post(reverse("accounts:login"), {"username": user.username, "password": password})
    password_reset_by_admin(actor=admin, user=user)
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert not TOTPDevice.objects.filter(user=user).exists()
    # A session from before the reset has ended.
    assert old_session.get(reverse("core:start"))["Location"].startswith(reverse("accounts:login"))
    message = mail.outbox[-1]
    assert message.to == ["partner@example.invalid"]
    assert "functioneel beheerder" in message.body
    assert "authenticator-app opnieuw in" in message.body
    client = Client()
    assert choose_password(client, link_in(message)).status_code == 302
    client.post(reverse("accounts:login"), {"username": user.username, "password": NEW_PASSWORD})
    # No authenticator any more: the second factor must be enrolled again, and nothing else is reachable.
    assert client.get(reverse("core:start"))["Location"] == reverse("accounts:enrol")
    assert client.get(reverse("accounts:verify"))["Location"] == reverse("accounts:enrol")
    client.get(reverse("accounts:enrol"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(reverse("accounts:enrol"), {"token": code(device)}).status_code == 302
    assert client.get(reverse("core:start")).status_code == 200


def test_admin_reset_only_by_an_administrator_of_the_user_s_house() -> None:
    house, other = HouseFactory.create(), HouseFactory.create()
    user = member(house, Role.SECRETARY, email="s@example.invalid")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    for actor in [member(other, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER),
                  member(house, Role.PROCESS_DIRECTOR), user]:
        with pytest.raises(PermissionDenied):
            password_reset_by_admin(actor=actor, user=user)
    administrator = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    with pytest.raises(PermissionDenied):  # not for themselves either
        password_reset_by_admin(actor=administrator, user=administrator)
    user.refresh_from_db()
    assert user.has_usable_password()
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert mail.outbox == []


def test_the_role_value_is_the_networks() -> None:
    from opencasus.accounts.passwords import FUNCTIONAL_ADMINISTRATOR

    assert FUNCTIONAL_ADMINISTRATOR == Role.FUNCTIONAL_ADMINISTRATOR


def test_an_ended_administrator_membership_may_not_reset() -> None:
    import datetime as dt

    from django.utils import timezone

    house = HouseFactory.create()
    user = member(house, Role.SECRETARY, email="e@example.invalid")
    administrator = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    administrator.memberships.update(ended_on=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        password_reset_by_admin(actor=administrator, user=user)


def test_admin_reset_needs_an_email_address() -> None:
    house = HouseFactory.create()
    user = member(house, Role.SECRETARY, email="")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    with pytest.raises(ValidationError):
        password_reset_by_admin(actor=member(house, Role.FUNCTIONAL_ADMINISTRATOR), user=user)
    user.refresh_from_db()
    assert user.has_usable_password()
    assert TOTPDevice.objects.filter(user=user).exists()


def test_admin_action_in_beheer_and_no_direct_password_change(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    user = member(house, Role.SECRETARY, email="s2@example.invalid")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = verified_client(admin)
    changelist = reverse("admin:accounts_user_changelist")
    page = client.get(changelist).content.decode()
    assert "Wachtwoord en tweede factor opnieuw instellen" in page
    response = client.post(changelist, {"action": "reset_password_and_second_factor",
                                        "_selected_action": [user.pk]}, follow=True)
    assert "er is een link verstuurd" in response.content.decode()
    assert not get_user_model().objects.get(pk=user.pk).has_usable_password()
    assert not TOTPDevice.objects.filter(user=user, name="app").exists()
    assert client.get(reverse("admin:auth_user_password_change", args=[user.pk])).status_code == 403
