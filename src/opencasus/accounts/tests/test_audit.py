"""The audit trail of accounts: written with each account change, append-only, searchable and exportable
by the privacy officer (page and API), hidden from everyone else."""

from __future__ import annotations

import pytest

from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEvent, AccountEventKind, User
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network import grants
from opencasus.network.models import Approval, House, Membership, Role
from opencasus.network.tests.factories import TEST_PASSWORD, HouseFactory, OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db


Scene = tuple[House, User, User, User, User]  # house, administrator, manager, privacy officer, newcomer


@pytest.fixture
def scene() -> Scene:
    house = HouseFactory.create()
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    officer = member(house, Role.PRIVACY_OFFICER)
    newcomer = UserFactory.create(first_name="Saskia", last_name="Mulder")
    grant = grants.membership_request(actor=admin, user=newcomer, house=house,
                                      organisation=OrganisationFactory.create(),
                                      role=Role.SECRETARY)
    grants.membership_approve(actor=manager, membership=grant, reason="Nieuw secretariaat")
    other_house = HouseFactory.create()
    grants.membership_request(actor=member(other_house, Role.FUNCTIONAL_ADMINISTRATOR), user=UserFactory.create(
        first_name="Elders", last_name="Anders"), house=other_house, organisation=OrganisationFactory.create(),
        role=Role.SECRETARY)
    return house, admin, manager, officer, newcomer


def test_trail_is_append_only(scene: Scene) -> None:
    event = AccountEvent.objects.first()
    event.detail = "gewijzigd"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AccountEvent.objects.all().update(detail="x")
    with pytest.raises(PermissionError):
        AccountEvent.objects.all().delete()


def test_privacy_officer_searches_and_exports(scene: Scene, verified_client: VerifiedClient) -> None:
    house, _admin, manager, officer, _newcomer = scene
    client = verified_client(officer)
    page = client.get(f"/huizen/{house.pk}/privacy/accountlogboek?person=Mulder").content.decode()
    assert "Saskia Mulder" in page
    assert "Rol goedgekeurd" in page
    assert "Secretaris" in page
    assert "Elders Anders" not in page
    exported = client.get(f"/huizen/{house.pk}/privacy/accountlogboek?person=Mulder&role=secretary&export=csv")
    assert exported["Content-Type"].startswith("text/csv")
    rows = exported.content.decode().splitlines()
    assert rows[0].startswith("tijdstip;gebeurtenis;door;betreft;rol;huis;goedgekeurd door")
    approved = [r for r in rows if "Rol goedgekeurd" in r]
    assert len(approved) == 1
    assert manager.username in approved[0]
    assert house.name in approved[0]
    bad = client.get(f"/huizen/{house.pk}/privacy/accountlogboek?since=2026-02-01&until=2026-01-01")
    assert bad.status_code == 400
    assert "ligt voor het begin" in bad.content.decode()


def test_others_do_not_reach_the_trail(scene: Scene, verified_client: VerifiedClient, api_client: ApiClient) -> None:
    house, admin, manager, _officer, newcomer = scene
    for user in (admin, manager, newcomer):
        assert verified_client(user).get(f"/huizen/{house.pk}/privacy/accountlogboek").status_code == 404
        assert api_client(user).get("/api/v1/account-events").status_code == 404


def test_api_filters_by_person_role_kind_and_period(scene: Scene, api_client: ApiClient) -> None:
    house, _admin, manager, officer, _newcomer = scene
    client = api_client(officer)
    results = client.get("/api/v1/account-events", {"person": "Mulder", "kind": "role_approved"}).json()["results"]
    assert [(r["subjectName"].startswith("Saskia Mulder"), r["role"], r["houseId"]) for r in results] == [
        (True, Role.SECRETARY, house.pk)]
    assert results[0]["approvedByName"].endswith(f"({manager.username})")
    assert client.get("/api/v1/account-events", {"fromDate": "2099-01-01"}).json()["results"] == []
    assert client.get("/api/v1/account-events", {"role": "king"}).status_code == 400
    assert client.get("/api/v1/account-events", {"fromDate": "gisteren"}).status_code == 400


def test_service_function_for_other_events(scene: Scene) -> None:
    house, admin, _manager, _officer, newcomer = scene
    event = record_account_event(actor=admin, subject=newcomer, kind=AccountEventKind.PASSWORD_RESET, house=house)
    assert (event.actor_name, event.house_name) == (f"{admin.get_full_name()} ({admin.username})", house.name)


def test_admin_creates_users_and_memberships_through_the_services(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    org = OrganisationFactory.create()
    client = verified_client(admin)
    client.post("/beheer/accounts/user/add/", {"username": "nieuw", "password1": TEST_PASSWORD,
                                                "password2": TEST_PASSWORD, "usable_password": "true"})
    user = User.objects.get(username="nieuw")
    assert AccountEvent.objects.filter(kind=AccountEventKind.USER_CREATED, actor=admin, subject=user).exists()
    client.post("/beheer/network/membership/add/", {"user": user.pk, "house": house.pk, "organisation": org.pk,
                                                    "role": Role.PROCESS_DIRECTOR, "started_on": "2026-01-01"})
    membership = Membership.objects.get(user=user)
    assert (membership.approval, membership.requested_by) == (Approval.PENDING, admin)
    own = client.post("/beheer/network/membership/add/", {"user": admin.pk, "house": house.pk, "organisation": org.pk,
                                                          "role": Role.SECRETARY, "started_on": "2026-01-01"})
    assert own.status_code == 200
    assert "Niemand kan zichzelf een rol geven." in own.content.decode()
    assert not Membership.objects.filter(user=admin, role=Role.SECRETARY).exists()
    assert client.post(f"/beheer/network/membership/{membership.pk}/delete/", {"post": "yes"}).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_database_refuses_changes_to_the_trail_but_lets_an_account_go() -> None:
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL")
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    leaving = UserFactory.create(first_name="Vertrekt", last_name="Snel")
    record_account_event(actor=admin, subject=leaving, kind=AccountEventKind.USER_CREATED, house=house)
    for sql in ("UPDATE accounts_accountevent SET detail = 'x'", "DELETE FROM accounts_accountevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    leaving.delete()
    event = AccountEvent.objects.get(kind=AccountEventKind.USER_CREATED)
    assert (event.subject_id, event.subject_name.startswith("Vertrekt Snel")) == (None, True)


def test_administrator_finds_the_account_they_created_to_give_it_a_role(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    other_admin = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    verified_client(admin).post("/beheer/accounts/user/add/", {
        "username": "zonderrol", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD, "usable_password": "true"})
    search = "/beheer/autocomplete/?app_label=network&model_name=membership&field_name=user&term=zonderrol"
    assert [r["text"] for r in verified_client(admin).get(search).json()["results"]] == ["zonderrol"]
    assert verified_client(other_admin).get(search).json()["results"] == []
    add_form = verified_client(admin).get("/beheer/network/membership/add/").content.decode()
    assert "Goedgekeurd" not in add_form
