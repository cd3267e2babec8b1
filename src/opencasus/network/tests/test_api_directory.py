"""A house's configuration and its professionals in the API: what the caller may see, and 404 otherwise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.network.models import House, LocalCriterion, MeetingType, Role, TargetGroup
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db

CONFIGURATION = ["meeting-types", "target-groups", "local-criteria"]
DIRECTORY_ROLES = {Role.PROCESS_DIRECTOR, Role.SECRETARY, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR}


@dataclass(frozen=True)
class Setting:
    house: House
    other: House
    people: dict[Role, User]
    outsider: User


@pytest.fixture
def setting() -> Setting:
    house, other = HouseFactory.create(), HouseFactory.create()
    MeetingType.objects.create(house=house, name="Focusoverleg (ICO)")
    MeetingType.objects.create(house=house, name="Oud overleg", active=False)
    MeetingType.objects.create(house=other, name="Elders")
    TargetGroup.objects.create(house=house, name="Huiselijk geweld")
    LocalCriterion.objects.create(house=house, text="Er zijn minderjarige kinderen")
    people = {role: member(house, role, first_name="Anna", last_name=role) for role in Role}
    return Setting(house=house, other=other, people=people, outsider=member(other, Role.PROCESS_DIRECTOR))


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("resource", [*CONFIGURATION, "professionals"])
def test_access_matrix(setting: Setting, api_client: Callable[[User], APIClient], role: Role,
                       resource: str) -> None:
    allowed = resource in CONFIGURATION or role in DIRECTORY_ROLES
    response = api_client(setting.people[role]).get(f"/api/v1/houses/{setting.house.pk}/{resource}")
    assert response.status_code == (200 if allowed else 404)


@pytest.mark.parametrize("resource", [*CONFIGURATION, "professionals"])
def test_another_house_and_a_missing_one_answer_alike(setting: Setting,
                                                      api_client: Callable[[User], APIClient], resource: str) -> None:
    client = api_client(setting.outsider)
    hidden = client.get(f"/api/v1/houses/{setting.house.pk}/{resource}")
    missing = client.get(f"/api/v1/houses/999999/{resource}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_configuration_lists_only_the_house_s_active_entries(setting: Setting,
                                                             api_client: Callable[[User], APIClient]) -> None:
    client = api_client(setting.people[Role.PARTNER_PROFESSIONAL])
    names = [r["name"] for r in client.get(f"/api/v1/houses/{setting.house.pk}/meeting-types").json()["results"]]
    assert names == ["Focusoverleg (ICO)"]
    groups = client.get(f"/api/v1/houses/{setting.house.pk}/target-groups").json()["results"]
    assert [g["name"] for g in groups] == ["Huiselijk geweld"]
    criteria = client.get(f"/api/v1/houses/{setting.house.pk}/local-criteria").json()["results"]
    assert [c["text"] for c in criteria] == ["Er zijn minderjarige kinderen"]


def test_professionals_name_their_id_organisation_and_role(setting: Setting,
                                                           api_client: Callable[[User], APIClient]) -> None:
    client = api_client(setting.people[Role.SECRETARY])
    url = f"/api/v1/houses/{setting.house.pk}/professionals"
    rows = client.get(url).json()["results"]
    assert len(rows) == len(Role)
    partner = setting.people[Role.PARTNER_PROFESSIONAL]
    only = client.get(url, {"role": Role.PARTNER_PROFESSIONAL}).json()["results"]
    assert [(r["userId"], r["role"]) for r in only] == [(partner.pk, Role.PARTNER_PROFESSIONAL)]
    assert only[0]["organisation"] == partner.memberships.get().organisation.name
    assert only[0]["fullName"] == partner.get_full_name()
    assert client.get(url, {"role": "king"}).status_code == 400


def test_me_names_the_caller_s_id(setting: Setting, api_client: Callable[[User], APIClient]) -> None:
    user = setting.people[Role.PARTNER_PROFESSIONAL]
    assert api_client(user).get("/api/v1/me").json()["id"] == user.pk
