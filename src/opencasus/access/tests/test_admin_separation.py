"""Separation of duties: no sequence of admin actions by one functional administrator alone reaches any
case content. After each action the administrator, and every account they created, gets 404 on the case
pages and the case API (the functional administrator after each admin action, in the access matrix)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from opencasus.access.tests.test_case_matrix import build_scene
from opencasus.accounts.models import AccountEvent, AccountEventKind, User
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network.models import Approval, Membership, Organisation, Partnership, Role
from opencasus.network.tests.factories import TEST_PASSWORD, member

pytestmark = pytest.mark.django_db


def _blind(scene, users, verified_client: VerifiedClient) -> None:
    for user in users:
        user = User.objects.get(pk=user.pk)
        page_client = verified_client(user)
        _instance, raw = AuthToken.objects.create(user=user)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        for case in (scene.case, scene.other_house_case):
            assert page_client.get(f"/casussen/{case.pk}").status_code == 404, user
            assert api.get(f"/api/v1/cases/{case.pk}").status_code == 404, user
        assert scene.case.reference not in page_client.get("/casussen").content.decode()
        assert api.get("/api/v1/cases").json()["results"] == []


def test_functional_administrator_alone_never_reaches_case_content(verified_client: VerifiedClient,
                                                                   api_client: ApiClient) -> None:
    scene = build_scene()
    house = scene.case.house
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    org = Organisation.objects.create(name="Eigen organisatie van de beheerder", type="other")
    browser = verified_client(admin)
    created: list[User] = []

    def step(response) -> None:
        assert response.status_code in {200, 201, 302, 400, 403, 404}, response.status_code
        _blind(scene, [admin, *created], verified_client)

    # 1. Grant themselves core staff in /beheer/: refused.
    step(browser.post("/beheer/network/membership/add/", {
        "user": admin.pk, "house": house.pk, "organisation": org.pk, "role": Role.PROCESS_DIRECTOR,
        "started_on": timezone.localdate().isoformat()}))
    assert not Membership.objects.filter(user=admin, role=Role.PROCESS_DIRECTOR).exists()
    # 2. A partnership with a covenant for their organisation.
    step(browser.post("/beheer/network/partnership/add/", {
        "house": house.pk, "organisation": org.pk, "ring": "key_partner",
        "covenant_signed_on": (timezone.localdate() - dt.timedelta(days=5)).isoformat()}))
    assert Partnership.objects.filter(house=house, organisation=org).exists()
    # 3. A new account, then core-staff, partner and approver roles for it: all pending.
    step(browser.post("/beheer/accounts/user/add/", {
        "username": "stroman", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD, "usable_password": "true"}))
    straw = User.objects.get(username="stroman")
    created.append(straw)
    for role in (Role.PROCESS_DIRECTOR, Role.PARTNER_PROFESSIONAL, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR):
        step(browser.post("/beheer/network/membership/add/", {
            "user": straw.pk, "house": house.pk, "organisation": org.pk, "role": role,
            "started_on": timezone.localdate().isoformat()}))
    assert set(Membership.objects.filter(user=straw).values_list("approval", flat=True)) == {Approval.PENDING}
    # 3b. The same through the API: for themselves (refused) and for the new account (pending).
    for who in (admin, straw):
        step(api_client(admin).post("/api/v1/role-grants", {
            "userId": who.pk, "houseId": house.pk, "organisationId": org.pk, "role": Role.SECRETARY}, format="json"))
    assert not Membership.objects.filter(user=admin, role=Role.SECRETARY).exists()
    # 4. Approving their own requests: refused, in the page and in the API.
    for grant in Membership.objects.filter(user=straw):
        step(browser.post(f"/rolaanvragen/{grant.pk}/goedkeuren", {"reason": "zelf"}))
        step(api_client(admin).post(f"/api/v1/role-grants/{grant.pk}/approval", {}, format="json"))
    assert set(Membership.objects.filter(user=straw).values_list("approval", flat=True)) == {Approval.PENDING}
    # 5. The new account approves its own grants: it has no approving role, and it is the subject.
    for grant in Membership.objects.filter(user=straw):
        step(api_client(straw).post(f"/api/v1/role-grants/{grant.pk}/approval", {}, format="json"))
    # 6. Changing a pending grant in /beheer/ (end date) does not approve it.
    grant = Membership.objects.filter(user=straw).first()
    step(browser.post(f"/beheer/network/membership/{grant.pk}/change/", {"ended_on": "", "municipality": ""}))
    # 7. Tokens: their own, and a system client's with an end date.
    step(browser.post("/account/api-token", {"action": "new"}))
    step(api_client(admin).post("/api/v1/system-tokens", {"userId": straw.pk, "expiresOn": "2099-01-01"},
                                format="json"))
    # 8. House settings.
    step(browser.post(f"/beheer/network/house/{house.pk}/change/", {
        "region": house.region_id, "name": house.name, "city": house.city, "email": "", "triage_weekday": 1,
        "triage_cutoff_weekday": 0, "triage_cutoff_time": "12:00", "small_count_threshold": 5,
        "read_only_days_after_closure": 400}))
    assert set(Membership.objects.filter(user=straw).values_list("approval", flat=True)) == {Approval.PENDING}
    kinds = set(AccountEvent.objects.filter(actor=admin).values_list("kind", flat=True))
    assert {AccountEventKind.USER_CREATED, AccountEventKind.ROLE_REQUESTED, AccountEventKind.TOKEN_ISSUED} <= kinds
