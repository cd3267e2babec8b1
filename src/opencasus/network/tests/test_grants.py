"""Four eyes on role grants: nobody grants themselves a role, and a role that sees case content takes
effect only after a second person approved it; every step is in the audit trail of accounts."""

from __future__ import annotations

import pytest

from opencasus.access import roles
from opencasus.accounts.models import AccountEvent, AccountEventKind, User
from opencasus.core.tests.clients import ApiClient, VerifiedClient
from opencasus.network import grants
from opencasus.network.models import Approval, House, Membership, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def house() -> House:
    return HouseFactory.create()


def _fresh(user: User) -> User:
    return type(user).objects.get(pk=user.pk)


def test_nobody_grants_themselves_a_role(house: House) -> None:
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    with pytest.raises(grants.GrantError):
        grants.membership_request(actor=admin, user=admin, house=house, organisation=OrganisationFactory.create(),
                                  role=Role.PROCESS_DIRECTOR)
    assert not Membership.objects.filter(user=admin, role=Role.PROCESS_DIRECTOR).exists()


def test_content_role_is_pending_until_a_second_person_approves(house: House) -> None:
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    newcomer = UserFactory.create()
    grant = grants.membership_request(actor=admin, user=newcomer, house=house,
                                      organisation=OrganisationFactory.create(),
                                      role=Role.PROCESS_DIRECTOR)
    assert grant.approval == Approval.PENDING
    assert not roles.is_core_staff(_fresh(newcomer), house.pk)
    with pytest.raises(grants.GrantError):
        grants.membership_approve(actor=admin, membership=grant)  # the requester
    with pytest.raises(grants.GrantError):
        grants.membership_approve(actor=newcomer, membership=grant)  # the person it is for
    grants.membership_approve(actor=manager, membership=grant, reason="Nieuwe procesregisseur")
    assert roles.is_core_staff(_fresh(newcomer), house.pk)
    approved = AccountEvent.objects.get(kind=AccountEventKind.ROLE_APPROVED)
    assert (approved.subject_id, approved.house_id, approved.role, approved.approved_by_id) == (
        newcomer.pk, house.pk, Role.PROCESS_DIRECTOR, manager.pk)
    assert AccountEvent.objects.filter(kind=AccountEventKind.ROLE_REQUESTED, actor=admin, subject=newcomer).exists()


def test_a_second_administrator_of_the_house_may_approve_but_not_one_of_another_house(house: House) -> None:
    admin, second = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    foreign = member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR)
    grant = grants.membership_request(actor=admin, user=UserFactory.create(), house=house,
                                      organisation=OrganisationFactory.create(), role=Role.PARTNER_PROFESSIONAL)
    with pytest.raises(grants.GrantError):
        grants.membership_approve(actor=foreign, membership=grant)
    assert grants.membership_approve(actor=second, membership=grant).approval == Approval.APPROVED


def test_refused_grant_counts_nowhere_and_needs_a_reason(house: House) -> None:
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    newcomer = UserFactory.create()
    grant = grants.membership_request(actor=admin, user=newcomer, house=house,
                                      organisation=OrganisationFactory.create(),
                                      role=Role.SECRETARY)
    with pytest.raises(grants.GrantError):
        grants.membership_refuse(actor=manager, membership=grant, reason="  ")
    refused = grants.membership_refuse(actor=manager, membership=grant, reason="Geen functie in dit huis")
    assert refused.approval == Approval.REFUSED
    assert refused.decided_by == manager
    assert not Membership.objects.active().filter(pk=grant.pk).exists()
    assert roles.grants(_fresh(newcomer)) == []
    with pytest.raises(grants.GrantError):
        grants.membership_approve(actor=manager, membership=grant)  # decided once


def test_aggregate_role_takes_effect_at_once_and_ending_is_audited(house: House) -> None:
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    officer = UserFactory.create()
    grant = grants.membership_request(actor=admin, user=officer, house=house, organisation=OrganisationFactory.create(),
                                      role=Role.STEERING_GROUP_MEMBER)
    assert grant.approval == Approval.APPROVED
    assert roles.roles(_fresh(officer), house.pk) == {Role.STEERING_GROUP_MEMBER}
    grants.membership_end(actor=admin, membership=grant)
    assert roles.grants(_fresh(officer)) == []
    assert AccountEvent.objects.filter(kind=AccountEventKind.ROLE_ENDED, subject=officer).exists()


def test_approver_roles_themselves_need_four_eyes(house: House) -> None:
    """Otherwise an administrator could make an account they control house manager and approve through it."""
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    for role in (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR):
        grant = grants.membership_request(actor=admin, user=UserFactory.create(), house=house,
                                          organisation=OrganisationFactory.create(), role=role)
        assert grant.approval == Approval.PENDING


def test_grant_pages_list_pending_and_record_the_decision(house: House, verified_client: VerifiedClient) -> None:
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    newcomer = UserFactory.create(first_name="Noor", last_name="Bakker")
    grant = grants.membership_request(actor=admin, user=newcomer, house=house,
                                      organisation=OrganisationFactory.create(),
                                      role=Role.PROCESS_DIRECTOR)
    own = verified_client(admin).get("/rolaanvragen").content.decode()
    assert "Noor Bakker" in own
    assert "Procesregisseur" in own
    assert "Goedkeuren" not in own
    assert verified_client(admin).post(f"/rolaanvragen/{grant.pk}/goedkeuren").status_code == 302
    assert Membership.objects.get(pk=grant.pk).approval == Approval.PENDING
    page = verified_client(manager).get("/rolaanvragen").content.decode()
    assert "Noor Bakker" in page
    assert "Goedkeuren" in page
    verified_client(manager).post(f"/rolaanvragen/{grant.pk}/goedkeuren", {"reason": "Akkoord"})
    assert Membership.objects.get(pk=grant.pk).approval == Approval.APPROVED
    outsider = member(HouseFactory.create(), Role.HOUSE_MANAGER)
    assert verified_client(outsider).post(f"/rolaanvragen/{grant.pk}/afwijzen", {"reason": "x"}).status_code == 404


def test_grant_api(house: House, api_client: ApiClient) -> None:
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    grant = grants.membership_request(actor=admin, user=UserFactory.create(), house=house,
                                      organisation=OrganisationFactory.create(), role=Role.PARTNER_PROFESSIONAL)
    pending = api_client(manager).get("/api/v1/role-grants?approval=pending").json()["results"]
    assert [g["id"] for g in pending] == [grant.pk]
    refused_by_requester = api_client(admin).post(f"/api/v1/role-grants/{grant.pk}/approval", {}, format="json")
    assert refused_by_requester.status_code == 403
    assert refused_by_requester["Content-Type"] == "application/problem+json"
    no_reason = api_client(manager).post(f"/api/v1/role-grants/{grant.pk}/refusal", {"reason": ""}, format="json")
    assert no_reason.status_code == 400
    done = api_client(manager).post(f"/api/v1/role-grants/{grant.pk}/refusal", {"reason": "Onbekend"}, format="json")
    assert done.status_code == 200
    assert done.json()["approval"] == "refused"
    again = api_client(manager).post(f"/api/v1/role-grants/{grant.pk}/approval", {}, format="json")
    assert again.status_code == 409
    stranger = member(HouseFactory.create(), Role.HOUSE_MANAGER)
    assert api_client(stranger).get(f"/api/v1/role-grants/{grant.pk}").status_code == 404
    assert api_client(manager).get("/api/v1/role-grants?approval=abc").status_code == 400


def test_pending_grants_are_visible_to_the_requester_and_the_approver(house: House, api_client: ApiClient,
                                                                      verified_client: VerifiedClient) -> None:
    admin, manager = member(house, Role.FUNCTIONAL_ADMINISTRATOR), member(house, Role.HOUSE_MANAGER)
    grant = grants.membership_request(actor=admin, user=UserFactory.create(), house=house,
                                      organisation=OrganisationFactory.create(), role=Role.SECRETARY)
    for user in (admin, manager):
        listed = api_client(user).get("/api/v1/role-grants", {"approval": "pending"}).json()["results"]
        assert [(g["id"], g["requestedBy"]) for g in listed] == [(grant.pk, admin.username)]
        assert "Rolaanvragen" in verified_client(user).get("/").content.decode()
    professional = member(house, Role.PROCESS_DIRECTOR)
    assert verified_client(professional).get("/rolaanvragen").status_code == 404
    assert api_client(professional).get("/api/v1/role-grants").json()["results"] == []


def test_tokens_have_no_admin_page_that_bypasses_the_audit_trail(verified_client: VerifiedClient) -> None:
    root = UserFactory.create(is_superuser=True, is_staff=True)
    assert verified_client(root).get("/beheer/knox/authtoken/add/").status_code == 404


def test_grant_request_through_the_api(house: House, api_client: ApiClient) -> None:
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    org, newcomer = OrganisationFactory.create(), UserFactory.create()
    body = {"userId": newcomer.pk, "houseId": house.pk, "organisationId": org.pk, "role": "process_director"}
    created = api_client(admin).post("/api/v1/role-grants", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["approval"] == "pending"
    assert created.json()["requestedBy"] == admin.username
    own = api_client(admin).post("/api/v1/role-grants", {**body, "userId": admin.pk}, format="json")
    assert own.status_code == 400
    assert own.json()["invalidParams"][0]["name"] in {"userId", "user_id"}  # the casing is the problem handler's
    elsewhere = api_client(admin).post("/api/v1/role-grants", {**body, "houseId": HouseFactory.create().pk},
                                      format="json")
    assert elsewhere.status_code == 404
    assert api_client(newcomer).post("/api/v1/role-grants", body, format="json").status_code == 404
    assert not Membership.objects.filter(user=admin, role=Role.PROCESS_DIRECTOR).exists()
