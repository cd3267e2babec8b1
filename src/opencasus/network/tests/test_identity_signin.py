"""Sign-in through an organisation's identity provider, against a real OpenID provider run locally
(`network/tests/oidc_provider`, the npm package oidc-provider): alice signs in there with a password and a
one-time code (amr pwd, otp), bob with a password only."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.cases.tests.factories import CaseFactory
from opencasus.network.identity.models import ProviderSecondFactor
from opencasus.network.models import Approval, House, Organisation, Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory, OrganisationFactory, UserFactory
from opencasus.network.tests.oidc import ADMIN_ROLE, provider_of, provider_redirects, sign_in

pytestmark = pytest.mark.django_db

ALICE = "alice@politie.example"
BOB = "bob@politie.example"


@pytest.fixture
def setting() -> tuple[House, Organisation]:
    return HouseFactory.create(), OrganisationFactory.create(name="Politie Zuid-Holland-Zuid")


def _admin(house: House):  # type: ignore[no-untyped-def]
    user = UserFactory.create()
    MembershipFactory.create(user=user, house=house, role=ADMIN_ROLE)
    return user


def _staff(house: House, organisation: Organisation, email: str, **membership: object):  # type: ignore[no-untyped-def]
    user = UserFactory.create(email=email)
    MembershipFactory.create(user=user, house=house, organisation=organisation, role=Role.SECRETARY, **membership)
    return user


def _refusal(client: Client, response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 302
    assert response["Location"] == "/inloggen"
    assert "_auth_user_id" not in client.session
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_provider_second_factor_counts(setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    alice = _staff(house, organisation, ALICE)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house), second_factor_values=("otp",))
    client = Client()
    client.get("/inloggen")
    before = client.session.session_key
    response = sign_in(client, provider, "alice")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == alice.pk
    assert client.session.session_key != before
    # verified: the start page opens without the TOTP step
    assert client.get("/").status_code == 200
    assert ProviderSecondFactor.objects.filter(user=alice, provider=provider).count() == 1


def test_without_the_providers_second_factor_our_totp_step_follows(
        setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    bob = _staff(house, organisation, BOB)
    device = TOTPDevice.objects.create(user=bob, name="app", confirmed=True)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house), second_factor_values=("otp",))
    client = Client()
    assert sign_in(client, provider, "bob").status_code == 302
    assert int(client.session["_auth_user_id"]) == bob.pk
    assert client.get("/")["Location"].startswith("/tweede-factor")
    signed_in_key = client.session.session_key
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    assert client.post("/tweede-factor", {"token": code}).status_code == 302
    assert client.session.session_key != signed_in_key
    assert client.get("/").status_code == 200
    assert not ProviderSecondFactor.objects.filter(user=bob).exists()


def test_provider_without_configured_values_never_counts_as_second_factor(
        setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    _staff(house, organisation, ALICE)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house), second_factor_values=())
    client = Client()
    sign_in(client, provider, "alice")
    assert client.get("/")["Location"] == "/tweede-factor/instellen"


def test_matching_on_a_staff_number_claim(setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    user = UserFactory.create(username="P-1001", email="ander@example.invalid")
    MembershipFactory.create(user=user, house=house, organisation=organisation, role=Role.SECRETARY)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house), claim="staff_number",
                           match_field="username", scopes="openid staff")
    client = Client()
    sign_in(client, provider, "alice")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_signed_in_without_an_approved_membership_sees_nothing(
        setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    alice = _staff(house, organisation, ALICE, approval=Approval.PENDING)
    case = CaseFactory.create(house=house)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house))
    client = Client()
    sign_in(client, provider, "alice")
    assert int(client.session["_auth_user_id"]) == alice.pk
    start = client.get("/")
    assert start.status_code == 200
    assert case.reference not in start.content.decode()
    assert client.get(f"/casussen/{case.pk}").status_code == 404
    assert client.get("/api/v1/cases").json()["results"] == []


def test_an_unknown_subject_is_refused(setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    _staff(house, organisation, ALICE)  # bob has no account
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house))
    client = Client()
    message = _refusal(client, sign_in(client, provider, "bob"))
    assert "Geen account van Politie Zuid-Holland-Zuid" in message
    from opencasus.accounts.models import User

    assert not User.objects.filter(email__iexact=BOB).exists()  # never created


def test_a_provider_of_one_organisation_cannot_sign_in_staff_of_another(
        setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    other = OrganisationFactory.create()
    _staff(house, other, ALICE)  # alice's account belongs to another organisation
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house))
    client = Client()
    assert "Geen account" in _refusal(client, sign_in(client, provider, "alice"))


def test_a_provider_of_one_house_cannot_sign_in_staff_of_another_house(
        setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    _staff(HouseFactory.create(), organisation, ALICE)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house))
    client = Client()
    assert "Geen account" in _refusal(client, sign_in(client, provider, "alice"))


def test_a_tampered_or_replayed_state_is_refused(setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    _staff(house, organisation, ALICE)
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house))
    client = Client()
    start = client.get(f"/inloggen/via/{provider.pk}")
    callback = provider_redirects(start, "alice")
    tampered = callback.replace("state=", "state=x")
    assert "niet worden gecontroleerd" in _refusal(client, client.get(tampered))
    # the genuine state still works once, and not a second time
    assert client.get(callback).status_code == 302
    assert "_auth_user_id" in client.session
    other = Client()
    assert "_auth_user_id" not in other.session
    assert _refusal(other, other.get(callback))


def test_a_disabled_provider_signs_nobody_in(setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    from opencasus.network.identity import services

    house, organisation = setting
    _staff(house, organisation, ALICE)
    admin = _admin(house)
    provider = provider_of(house, organisation, oidc_issuer, admin=admin)
    client = Client()
    start = client.get(f"/inloggen/via/{provider.pk}")
    services.provider_set_enabled(actor=admin, provider_id=provider.pk, enabled=False, version=None)
    assert client.get(f"/inloggen/via/{provider.pk}").status_code == 404
    assert _refusal(client, client.get(provider_redirects(start, "alice")))


def test_the_login_page_offers_the_enabled_providers(setting: tuple[House, Organisation], oidc_issuer: str) -> None:
    house, organisation = setting
    provider = provider_of(house, organisation, oidc_issuer, admin=_admin(house))
    page = Client().get("/inloggen").content.decode()
    assert "Inloggen via Politie Zuid-Holland-Zuid" in page
    assert f"/inloggen/via/{provider.pk}" in page
