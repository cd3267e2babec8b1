"""Configuring identity providers: validation, the encrypted secret, versions, account events, and the
second-factor rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from opencasus.accounts.models import AccountEvent, AccountEventKind, User
from opencasus.core.identifiers import decrypt_identifier
from opencasus.network.identity import services
from opencasus.network.identity.models import IdentityProvider
from opencasus.network.identity.rules import did_second_factor
from opencasus.network.models import House, Organisation, Partnership, Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def house() -> House:
    return HouseFactory.create()


@pytest.fixture
def admin(house: House) -> User:
    user = UserFactory.create()
    MembershipFactory.create(user=user, house=house, role=Role.FUNCTIONAL_ADMINISTRATOR)
    return user


@pytest.fixture
def organisation(house: House) -> Organisation:
    organisation = OrganisationFactory.create()
    Partnership.objects.create(house=house, organisation=organisation)
    return organisation


def _settings(organisation: Organisation, **changes: object) -> services.ProviderSettings:
    values: dict[str, object] = {"organisation_id": organisation.pk, "issuer": "https://login.politie.example",
                                 "client_id": "casus", "client_secret": "s3cret", **changes}
    return services.ProviderSettings(**values)  # type: ignore[arg-type]


def test_create_stores_the_secret_encrypted_and_records_an_event(
        house: House, admin: User, organisation: Organisation) -> None:
    provider = services.provider_create(actor=admin, house_id=house.pk, config=_settings(organisation))
    assert "s3cret" not in provider.client_secret_encrypted
    assert decrypt_identifier(provider.client_secret_encrypted) == "s3cret"
    event = AccountEvent.objects.get(kind=AccountEventKind.PROVIDER_ADDED)
    assert event.actor == admin
    assert event.house == house
    assert organisation.name in event.detail


def test_update_keeps_the_secret_when_left_empty_and_checks_the_version(
        house: House, admin: User, organisation: Organisation) -> None:
    provider = services.provider_create(actor=admin, house_id=house.pk, config=_settings(organisation))
    updated = services.provider_update(actor=admin, provider_id=provider.pk, version=1,
                                       config=_settings(organisation, client_secret="", claim="upn"))
    assert updated.version == 2
    assert updated.claim == "upn"
    assert decrypt_identifier(updated.client_secret_encrypted) == "s3cret"
    with pytest.raises(ValidationError) as stale:
        services.provider_update(actor=admin, provider_id=provider.pk, version=1, config=_settings(organisation))
    assert stale.value.code == "conflict"
    services.provider_set_enabled(actor=admin, provider_id=provider.pk, enabled=False, version=2)
    kinds = list(AccountEvent.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == [AccountEventKind.PROVIDER_ADDED, AccountEventKind.PROVIDER_CHANGED,
                     AccountEventKind.PROVIDER_DISABLED]


@pytest.mark.parametrize(("field", "changes"), [
    ("issuer", {"issuer": "ftp://login.example"}),
    ("issuer", {"issuer": "https://a:b@login.example"}),
    ("issuer", {"issuer": "https://login.example/?x=1"}),
    ("client_id", {"client_id": "met spatie"}),
    ("client_secret", {"client_secret": ""}),
    ("claim", {"claim": "e mail"}),
    ("match_field", {"match_field": "bsn"}),
    ("scopes", {"scopes": "email profile"}),
    ("second_factor_values", {"second_factor_values": ("o t p",)}),
])
def test_bad_settings_are_refused(house: House, admin: User, organisation: Organisation, field: str,
                                  changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as refused:
        services.provider_create(actor=admin, house_id=house.pk, config=_settings(organisation, **changes))
    assert field in refused.value.message_dict
    assert not IdentityProvider.objects.exists()


def test_plain_http_is_refused_outside_development(house: House, admin: User, organisation: Organisation,
                                                   settings: object) -> None:
    settings.OPENCASUS_OIDC_ALLOW_HTTP = False  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as refused:
        services.provider_create(actor=admin, house_id=house.pk,
                                 config=_settings(organisation, issuer="http://login.example"))
    assert "https://" in refused.value.message_dict["issuer"][0]


def test_an_organisation_outside_the_network_is_refused(house: House, admin: User) -> None:
    with pytest.raises(ValidationError) as refused:
        services.provider_create(actor=admin, house_id=house.pk, config=_settings(OrganisationFactory.create()))
    assert "organisation" in refused.value.message_dict


@pytest.mark.parametrize(("values", "claims", "expected"), [
    (["otp"], {"amr": ["pwd", "otp"]}, True),
    (["otp"], {"amr": ["pwd"]}, False),
    (["mfa"], {"acr": "mfa", "amr": ["pwd"]}, True),
    ([], {"amr": ["pwd", "otp"], "acr": "mfa"}, False),
    (["otp"], {"amr": "otp"}, False),  # amr must be a list
])
def test_second_factor_rule(values: list[str], claims: dict[str, object], expected: bool) -> None:
    assert did_second_factor(IdentityProvider(second_factor_values=values), claims) is expected


def test_the_administrator_adds_edits_and_disables_on_the_pages(
        house: House, admin: User, organisation: Organisation,
        verified_client: Callable[[User], Client]) -> None:
    client: Client = verified_client(admin)
    form = {"organisation": organisation.pk, "issuer": "https://login.politie.example", "client_id": "casus",
            "client_secret": "s3cret", "scopes": "openid email", "claim": "email", "match_field": "email",
            "second_factor_values": "otp mfa"}
    assert client.post(f"/huizen/{house.pk}/inlogdiensten/nieuw", form).status_code == 302
    provider = IdentityProvider.objects.get()
    assert provider.second_factor_values == ["otp", "mfa"]
    listing = client.get(f"/huizen/{house.pk}/inlogdiensten").content.decode()
    assert "https://login.politie.example" in listing
    assert "s3cret" not in listing
    bad = client.post(f"/inlogdiensten/{provider.pk}", {**form, "issuer": "geen adres", "version": 1})
    assert bad.status_code == 400
    assert "geldig webadres" in bad.content.decode()
    assert client.post(f"/inlogdiensten/{provider.pk}", {**form, "client_secret": "", "claim": "upn",
                                                         "version": 1}).status_code == 302
    assert client.post(f"/inlogdiensten/{provider.pk}/status", {"enabled": "0", "version": 2}).status_code == 302
    provider.refresh_from_db()
    assert (provider.claim, provider.enabled, provider.version) == ("upn", False, 3)
    assert "Inloggen via" not in Client().get("/inloggen").content.decode()
