"""Bad input for the identity providers: the issuer address, the client, the claim, the scopes, the
second-factor values and the references."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, listing, ref
from opencasus.network.identity import services
from opencasus.network.models import House, Partnership, Role
from opencasus.network.tests.factories import HouseFactory, MembershipFactory, OrganisationFactory, UserFactory


def _admin(house: House):  # type: ignore[no-untyped-def]
    user = UserFactory.create()
    MembershipFactory.create(user=user, house=house, role=Role.FUNCTIONAL_ADMINISTRATOR)
    return user


def _body(organisation_id: int) -> dict[str, object]:
    return {"organisationId": organisation_id, "issuer": "https://login.politie.example", "clientId": "casus",
            "clientSecret": "s3cret", "scopes": "openid email", "claim": "email", "matchField": "email",
            "secondFactorValues": ["otp"]}


def _create() -> Target:
    house = HouseFactory.create()
    organisation = OrganisationFactory.create()
    Partnership.objects.create(house=house, organisation=organisation)
    return Target(_admin(house), "/api/v1/identity-providers", {"houseId": house.pk, **_body(organisation.pk)})


def _change() -> Target:
    house = HouseFactory.create()
    organisation = OrganisationFactory.create()
    Partnership.objects.create(house=house, organisation=organisation)
    admin = _admin(house)
    provider = services.provider_create(actor=admin, house_id=house.pk, config=services.ProviderSettings(
        organisation_id=organisation.pk, issuer="https://login.politie.example", client_id="casus",
        client_secret="s3cret"))
    return Target(admin, f"/api/v1/identity-providers/{provider.pk}", {**_body(organisation.pk), "version": 1},
                  method="put")


FIELDS = [
    ("issuer: not an address", "issuer", "geen adres"),
    ("issuer: ftp", "issuer", "ftp://login.politie.example"),
    ("issuer: with a password", "issuer", "https://a:b@login.politie.example"),
    ("issuer: with a query", "issuer", "https://login.politie.example/?a=1"),
    ("issuer: too long", "issuer", "https://login.politie.example/" + "a" * 500),
    ("issuer: empty", "issuer", ""),
    ("clientId: a space", "clientId", "met spatie"),
    ("clientId: control character", "clientId", "casus\x1b"),
    ("clientSecret: a line break", "clientSecret", "s3\ncret"),
    ("claim: a space", "claim", "e mail"),
    ("matchField: unknown", "matchField", "bsn"),
    ("scopes: without openid", "scopes", "email profile"),
    ("secondFactorValues: a space", "secondFactorValues", ["o t p"]),
    ("secondFactorValues: too many", "secondFactorValues", [f"v{n}" for n in range(21)]),
    *listing("secondFactorValues"),
]

API = {
    "identity provider": Endpoint(_create, [*ref("houseId"), *ref("organisationId"), *FIELDS]),
    "identity provider change": Endpoint(_change, [*ref("organisationId"), *FIELDS,
                                                   ("version: text", "version", "een")]),
}



def _add_page() -> Target:
    house = HouseFactory.create()
    organisation = OrganisationFactory.create()
    Partnership.objects.create(house=house, organisation=organisation)
    return Target(_admin(house), f"/huizen/{house.pk}/inlogdiensten/nieuw", {
        "organisation": str(organisation.pk), "issuer": "https://login.politie.example", "client_id": "casus",
        "client_secret": "s3cret", "scopes": "openid email", "claim": "email", "match_field": "email",
        "second_factor_values": "otp mfa"}, ok=(302,))


PAGES = {
    "identity provider": Endpoint(_add_page, [
        *ref("organisation", api=False),
        ("issuer: not an address", "issuer", "geen adres"),
        ("issuer: ftp", "issuer", "ftp://login.politie.example"),
        ("issuer: with a password", "issuer", "https://a:b@login.politie.example"),
        ("clientId: a space", "client_id", "met spatie"),
        ("clientSecret: empty", "client_secret", ""),
        ("claim: a space", "claim", "e mail"),
        ("matchField: unknown", "match_field", "bsn"),
        ("scopes: without openid", "scopes", "email profile"),
        ("secondFactorValues: control characters", "second_factor_values", "otp\x1b"),
    ]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
