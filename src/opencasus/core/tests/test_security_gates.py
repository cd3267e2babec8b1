"""Security gates over every page and endpoint the URL resolver knows: CSRF, second factor, IDOR."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.core.tests.gate_houses import (
    GateHouses,
    build_other_house,
    foreign_values,
    is_object_param,
    with_every_role,
)
from opencasus.core.tests.urlwalk import Route, routes
from opencasus.network.models import Region, Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db

FORM_RE = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)


def test_every_post_without_a_csrf_token_is_refused(verified_client: VerifiedClient) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    checked = 0
    for csrf_client, prefix in [(verified_client(user), ""), (Client(), "anonymous ")]:
        csrf_client.handler.enforce_csrf_checks = True
        for route in routes():
            if route.is_api and prefix:
                continue  # anonymous API calls are refused as unauthenticated (401) before any CSRF question
            if route.name == "openapi":
                continue  # no authentication at all, GET only: nothing to forge
            if route.template == CREDENTIAL_EXCHANGE:
                continue
            response = csrf_client.post(route.sample(), {"x": "1"})
            assert response.status_code == 403, f"{prefix}POST {route.template} without CSRF: {response.status_code}"
            checked += 1
    print(f"CSRF: {checked} POST routes refused without token")
    assert checked > 20


def test_every_rendered_form_that_posts_carries_a_csrf_token(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    client = verified_client(member(house, Role.PROCESS_DIRECTOR))
    forms = 0
    for route in routes():
        if route.is_api:
            continue
        response = client.get(route.sample(house.pk))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in FORM_RE.findall(response.content.decode()):
            if re.search(r'method="post"', form, re.I):
                assert 'name="csrfmiddlewaretoken"' in form, f"{route.template}: form without CSRF token"
                forms += 1
    print(f"CSRF: {forms} POST forms carry a token")
    assert forms > 0


OPEN_PAGES = {"/inloggen", "/uitloggen", "/tweede-factor", "/tweede-factor/instellen", "/gezondheid", "/favicon.ico",
              # Sign-in through an organisation's identity provider (network/identity/signin.py): part of the
              # login itself, like /inloggen; they end on the second-factor step or the login page.
              "/inloggen/via/terug", "/inloggen/via/{provider_id}"}
# The API's sign-in: POST exchanges a username, password and second-factor code for a token. It reads no
# session or cookie (so there is nothing to forge) and refuses a request without all three (400, see
# accounts/tests/test_tokens.py). Its GET (the caller's tokens) is guarded like every endpoint.
CREDENTIAL_EXCHANGE = "/api/v1/tokens"
# The question of a peer installation: no session or token at all, a request signed with the pair's secret
# (peers/tests/test_api.py). Without the signature it is refused (403), whatever the session.
PEER_SIGNED = "/api/v1/peer-hit-checks"


def test_password_alone_reaches_no_page_and_no_endpoint(password: str) -> None:
    """2FA bypass by direct URLs: a session that passed only the password."""
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    assert client.post("/inloggen", {"username": user.username, "password": password}).status_code == 302
    pages = endpoints = 0
    for route in routes():
        if route.template in OPEN_PAGES or route.name == "openapi":
            continue
        url = route.sample(house.pk)
        for method in ("get", "post"):
            if method == "post" and route.template == CREDENTIAL_EXCHANGE:
                continue
            response = getattr(client, method)(url)
            if route.template == PEER_SIGNED:
                assert response.status_code == (405 if method == "get" else 403), f"{method} {url}"
            elif route.is_api:
                assert response.status_code == 401, f"{method} {url}: {response.status_code}"
                endpoints += 1
            else:
                assert response.status_code == 302, f"{method} {url}: {response.status_code}"
                assert response["Location"].startswith("/tweede-factor"), f"{method} {url}"
                pages += 1
    print(f"2FA: {pages} page requests and {endpoints} API requests refused without the second factor")


def _refused_like_missing(client: Client, route: Route, values: dict[str, Any], own: dict[str, Any]) -> None:
    """GET and POST answer as for a missing record (404, or 405 for a POST-only view): nothing revealed."""
    url = route.url(values)
    absent = {p: 987654321 for p in values} | own  # the caller's own ids stay
    response = client.get(url)
    missing_get = client.get(route.url(absent))
    said = f"GET {url} ({route.name}): {response.status_code}, missing record: {missing_get.status_code}"
    assert response.status_code == missing_get.status_code, said
    assert response.status_code in {404, 405}, said
    if route.is_api and response.status_code == 404:
        assert response["Content-Type"].startswith("application/problem+json"), \
            f"GET {url} ({route.name}): 404 as {response['Content-Type']}"
    post = client.post(url, {})
    missing = client.post(route.url(absent), {})
    said = f"POST {url} ({route.name}): {post.status_code}, missing record: {missing.status_code}"
    assert post.status_code == missing.status_code, said
    assert post.status_code >= 400, said


@pytest.fixture
def world() -> GateHouses:
    other = build_other_house()
    # Another region: a steering-group member sees the figures of every house in their own region by design.
    region = Region.objects.exclude(pk=other.region_id).order_by("code").first()
    return GateHouses(own=HouseFactory.create(region=region), other=other)


def test_no_record_of_another_house_is_reachable(
    world: GateHouses, verified_client: VerifiedClient, api_client: ApiClient,
) -> None:
    """IDOR: every page and endpoint with an object id, given the other house's ids, answers 404."""
    # Every role in its own house: a 404 for the other house's id is the house's scoping, not a missing role.
    attacker = with_every_role(world.own)
    web, api = verified_client(attacker), api_client(attacker)
    # The other house's own staff reach every one of these ids: the ids are real and belong together.
    owner = with_every_role(world.other)
    owner_web, owner_api = verified_client(owner), api_client(owner)
    probed, mixed = [], 0
    for route in routes():
        if not route.params or route.is_admin:
            continue
        if route.template.startswith("/landelijk/") or "/national-escalations/" in route.template:
            continue  # national escalations belong to no house: only the national programme reads them, of
            # every region (plans/tests/test_national.py, access/tests/test_national.py)
        values = foreign_values(route, world)
        if values is None:
            continue
        url = route.url(values)
        client = api if route.is_api else web
        own_response = (owner_api if route.is_api else owner_web).get(url)
        own_answer = own_response.status_code
        # A page that is not for this reader's part sends them to the record's own page (a proposal's edit
        # form, for the case director only): the record exists all the same.
        if own_answer == 302:
            assert "/inloggen" not in own_response["Location"], f"GET {url} ({route.name}) asked the owner to log in"
        assert own_answer in {200, 302, 405}, f"GET {url} ({route.name}) by the house's own staff: {own_answer}"
        _refused_like_missing(client, route, values, {})
        if "house_id" in values and sum(is_object_param(p) for p in values) > 1:
            # (A year beside the house is no record of the other house: that is the caller's own page.)
            # The caller's own house in the address, the other house's record after it.
            _refused_like_missing(client, route, values | {"house_id": world.own.pk}, {"house_id": world.own.pk})
            mixed += 1
        probed.append(route.template)
    print(f"IDOR: {len(probed)} object routes answer 404 for the other house's ids: {probed}")
    print(f"IDOR: {mixed} of them also with the caller's own house id and the other house's record")
    print(f"IDOR: not probed (no foreign record or shared reference data): {sorted(world.unresolved)}")
    assert len(probed) >= 5
