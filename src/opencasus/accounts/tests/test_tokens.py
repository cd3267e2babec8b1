"""API tokens: issued after the second factor, stored as a hash, ending by idle time or a set date,
listable and revocable, each issue and revocation in the audit trail of accounts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.response import Response
from rest_framework.test import APIClient

from opencasus.accounts.models import AccountEvent, AccountEventKind, User
from opencasus.accounts.tests.test_views import current_code
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def _issue(user: User, password: str, code: str | None = None) -> Response:
    device = TOTPDevice.objects.get_or_create(user=user, name="app", defaults={"confirmed": True})[0]
    return APIClient().post("/api/v1/tokens", {"username": user.username, "password": password,
                                               "totpCode": code or current_code(device)}, format="json")


def test_token_is_issued_after_the_second_factor_and_stored_as_a_hash(password: str) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    response = _issue(user, password)
    assert response.status_code == 201, response.content
    raw = response.json()["token"]
    stored = AuthToken.objects.get(user=user)
    assert raw not in {stored.digest, stored.token_key}
    assert stored.digest != raw
    assert stored.expiry - timezone.now() <= dt.timedelta(hours=12)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/me").status_code == 200
    assert AccountEvent.objects.filter(kind=AccountEventKind.TOKEN_ISSUED, subject=user).exists()


def test_a_wrong_code_or_password_gets_no_token(password: str) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    for response in (_issue(user, password, wrong), _issue(user, "wrong-password")):
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    assert not AuthToken.objects.filter(user=user).exists()


def test_a_new_token_leaves_the_other_tokens_alive_and_expired_tokens_fail(password: str) -> None:
    user = member(HouseFactory.create(), Role.PARTNER_PROFESSIONAL)
    _first, raw = AuthToken.objects.create(user=user)
    assert _issue(user, password).status_code == 201
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/me").status_code == 200
    AuthToken.objects.filter(token_key=_first.token_key).update(expiry=timezone.now() - dt.timedelta(seconds=1))
    assert client.get("/api/v1/me").status_code == 401


def test_owner_lists_and_revokes_and_the_revoked_token_stops_working() -> None:
    user = member(HouseFactory.create(), Role.SECRETARY)
    instance, raw = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    listed = client.get("/api/v1/tokens").json()["results"]
    assert [t["tokenKey"] for t in listed] == [instance.token_key]
    assert client.delete(f"/api/v1/tokens/{instance.token_key}").status_code == 204
    assert client.get("/api/v1/tokens").status_code == 401
    assert AccountEvent.objects.filter(kind=AccountEventKind.TOKEN_REVOKED, subject=user).exists()


def test_administrator_issues_a_system_token_with_an_end_date_that_use_does_not_extend(api_client: ApiClient) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    zsm = member(house, Role.MUNICIPALITY_OFFICER, is_system_client=True)
    ends = timezone.localdate() + dt.timedelta(days=30)
    response = api_client(admin).post("/api/v1/system-tokens", {"userId": zsm.pk, "expiresOn": ends.isoformat()},
                                      format="json")
    assert response.status_code == 201, response.content
    token = AuthToken.objects.get(user=zsm)
    before = token.expiry
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}")
    assert client.get("/api/v1/me").status_code == 200
    token.refresh_from_db()
    assert token.expiry == before
    assert timezone.localdate(before) == ends
    assert response.json()["tokenKey"] in {t["tokenKey"] for t in api_client(admin).get("/api/v1/tokens").json()[
        "results"]}
    professional = member(house, Role.PROCESS_DIRECTOR)
    refused = api_client(admin).post("/api/v1/system-tokens", {"userId": professional.pk, "expiresOn":
                                                                 ends.isoformat()}, format="json")
    assert refused.status_code == 400
    foreign = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR)
    assert api_client(foreign).post("/api/v1/system-tokens", {"userId": zsm.pk, "expiresOn": ends.isoformat()},
                                    format="json").status_code == 400


def test_token_page_lists_and_revokes(verified_client: VerifiedClient) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    instance, _raw = AuthToken.objects.create(user=user)
    client = verified_client(user)
    page = client.get("/account/api-token").content.decode()
    assert instance.token_key[:8] in page
    assert "Intrekken" in page
    client.post("/account/api-token", {"action": "revoke", "token_key": instance.token_key})
    assert not AuthToken.objects.filter(user=user).exists()


def test_token_requests_are_throttled_like_the_login(password: str) -> None:
    user = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    statuses = [_issue(user, "wrong-password").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]  # the fifth failure locks, as at the login form
    locked = _issue(user, password)
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/problem+json"
    assert not AuthToken.objects.filter(user=user).exists()


def test_a_professionals_token_stays_alive_while_used() -> None:
    user = member(HouseFactory.create(), Role.PARTNER_PROFESSIONAL)
    instance, raw = AuthToken.objects.create(user=user)
    AuthToken.objects.filter(digest=instance.digest).update(expiry=timezone.now() + dt.timedelta(hours=1))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/me").status_code == 200
    assert AuthToken.objects.get(digest=instance.digest).expiry > timezone.now() + dt.timedelta(hours=11)


def test_the_administrator_lists_and_revokes_a_members_token_but_not_another_houses(api_client: ApiClient) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    mine, _raw = AuthToken.objects.create(user=member(house, Role.SECRETARY))
    foreign, _raw2 = AuthToken.objects.create(user=member(HouseFactory.create(), Role.SECRETARY))
    keys = {t["tokenKey"] for t in api_client(admin).get("/api/v1/tokens").json()["results"]}
    assert mine.token_key in keys
    assert foreign.token_key not in keys
    assert api_client(admin).delete(f"/api/v1/tokens/{foreign.token_key}").status_code == 404
    assert api_client(admin).delete(f"/api/v1/tokens/{mine.token_key}").status_code == 204
    assert not AuthToken.objects.filter(digest=mine.digest).exists()
    assert AuthToken.objects.filter(digest=foreign.digest).exists()
    event = AccountEvent.objects.get(kind=AccountEventKind.TOKEN_REVOKED)
    assert (event.actor_id, event.subject_id) == (admin.pk, mine.user_id)
