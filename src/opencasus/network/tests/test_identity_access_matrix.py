"""Every actor x every identity-provider page and endpoint: only the functional administrator of the house
sees and configures its providers; everyone else gets 404, like a missing record. The secret is never read."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.network.identity import services
from opencasus.network.models import House, Partnership, Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "admin": Role.FUNCTIONAL_ADMINISTRATOR, "director": Role.PROCESS_DIRECTOR, "secretary": Role.SECRETARY,
    "manager": Role.HOUSE_MANAGER, "privacy_officer": Role.PRIVACY_OFFICER, "partner": Role.PARTNER_PROFESSIONAL,
    "steering": Role.STEERING_GROUP_MEMBER,
}
SECRET = "geheim-van-de-client"


def _actor(name: str, house: House) -> User:
    user = UserFactory.create()
    if name == "other_house_admin":
        MembershipFactory.create(user=user, house=HouseFactory.create(), role=Role.FUNCTIONAL_ADMINISTRATOR)
    elif name != "nobody":
        MembershipFactory.create(user=user, house=house, role=ROLES[name])
    return user


def _provider(house: House):  # type: ignore[no-untyped-def]
    organisation = OrganisationFactory.create()
    Partnership.objects.create(house=house, organisation=organisation)
    admin = UserFactory.create()
    MembershipFactory.create(user=admin, house=house, role=Role.FUNCTIONAL_ADMINISTRATOR)
    return services.provider_create(actor=admin, house_id=house.pk, config=services.ProviderSettings(
        organisation_id=organisation.pk, issuer="https://login.politie.example", client_id="casus",
        client_secret=SECRET, second_factor_values=("otp",)))


@pytest.mark.parametrize("name", [*ROLES, "other_house_admin", "nobody"])
def test_matrix(name: str, api_client: Callable[[User], APIClient],
                verified_client: Callable[[User], Client]) -> None:
    house = HouseFactory.create()
    provider = _provider(house)
    actor = _actor(name, house)
    allowed = name == "admin"
    api = api_client(actor)
    listed = api.get("/api/v1/identity-providers")
    assert [item["id"] for item in listed.json()["results"]] == ([provider.pk] if allowed else [])
    expected = 200 if allowed else 404
    detail = api.get(f"/api/v1/identity-providers/{provider.pk}")
    assert detail.status_code == expected
    assert SECRET not in detail.content.decode()
    assert "clientSecret" not in detail.content.decode()
    patch = api.patch(f"/api/v1/identity-providers/{provider.pk}", {"enabled": False, "version": 1}, format="json")
    assert patch.status_code == expected
    created = api.post("/api/v1/identity-providers", {
        "houseId": house.pk, "organisationId": provider.organisation_id, "issuer": "https://ander.example",
        "clientId": "c", "clientSecret": "s"}, format="json")
    assert created.status_code == (201 if allowed else 404)
    pages = verified_client(actor)
    assert pages.get(f"/huizen/{house.pk}/inlogdiensten").status_code == expected
    assert pages.get(f"/huizen/{house.pk}/inlogdiensten/nieuw").status_code == expected
    page = pages.get(f"/inlogdiensten/{provider.pk}")
    assert page.status_code == expected
    assert SECRET not in page.content.decode()
    assert pages.post(f"/inlogdiensten/{provider.pk}/status", {"enabled": "1"}).status_code == (
        302 if allowed else 404)
