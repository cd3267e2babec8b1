"""The approaches page and API: the switch per approach (versioned, who and when), the crisis-lane periods
(only where the house runs the crisis lane), and who may read and change them (access matrix)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.network import approach_settings
from opencasus.network.approaches import approach_enabled
from opencasus.network.models import Approach, CrisisLaneSettings, House, HouseApproach, Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def house() -> House:
    return HouseFactory.create()


def _crisis_on(house: House) -> None:
    HouseApproach.objects.create(house=house, approach=Approach.CRISIS_LANE, enabled=True)


def test_an_approach_never_switched_reads_off_with_version_0_and_a_switch_records_who_and_when(house: House) -> None:
    manager = member(house, Role.HOUSE_MANAGER, first_name="Mira", last_name="Dekker")
    view = approach_settings.approach_list(actor=manager, house_id=house.pk)
    assert [i.approach for i in view.items] == list(Approach)
    assert all(not i.enabled and i.version == 0 for i in view.items)
    state = approach_settings.approach_switch(actor=manager, house_id=house.pk, approach="top_x", enabled=True,
                                              expected_version=0)
    assert (state.enabled, state.version, state.updated_by) == (True, 1, "Mira Dekker")
    assert state.updated_at is not None
    assert approach_enabled(house_id=house.pk, approach=Approach.TOP_X)
    with pytest.raises(ValidationError) as exc:
        approach_settings.approach_switch(actor=manager, house_id=house.pk, approach="top_x", enabled=False,
                                          expected_version=0)
    assert exc.value.code == "conflict"
    off = approach_settings.approach_switch(actor=manager, house_id=house.pk, approach="top_x", enabled=False,
                                            expected_version=1)
    assert (off.enabled, off.version) == (False, 2)
    assert not approach_enabled(house_id=house.pk, approach=Approach.TOP_X)


def test_an_unknown_approach_is_not_found(house: House) -> None:
    manager = member(house, Role.HOUSE_MANAGER)
    with pytest.raises(Http404):
        approach_settings.approach_get(actor=manager, house_id=house.pk, approach="pizza")


def test_core_staff_read_but_do_not_switch_and_a_partner_sees_nothing(house: House) -> None:
    director = member(house, Role.PROCESS_DIRECTOR)
    assert not approach_settings.approach_list(actor=director, house_id=house.pk).may_edit
    with pytest.raises(PermissionDenied):
        approach_settings.approach_switch(actor=director, house_id=house.pk, approach="group", enabled=True,
                                          expected_version=0)
    with pytest.raises(Http404):
        approach_settings.approach_list(actor=member(house, Role.PARTNER_PROFESSIONAL), house_id=house.pk)
    assert not HouseApproach.objects.exists()


def test_the_crisis_periods_exist_only_where_the_crisis_lane_runs(house: House) -> None:
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR)
    with pytest.raises(Http404):
        approach_settings.crisis_settings_get(actor=admin, house_id=house.pk)
    _crisis_on(house)
    view = approach_settings.crisis_settings_get(actor=admin, house_id=house.pk)
    assert (view.triage_days, view.conference_days, view.version) == (1, 3, 0)
    assert approach_settings.crisis_periods(house.pk) == (1, 3)
    saved = approach_settings.crisis_settings_save(actor=admin, house_id=house.pk, triage_days=2,
                                                   conference_days=5, expected_version=0)
    assert (saved.triage_days, saved.conference_days, saved.version) == (2, 5, 1)
    assert approach_settings.crisis_periods(house.pk) == (2, 5)
    with pytest.raises(ValidationError) as exc:
        approach_settings.crisis_settings_save(actor=admin, house_id=house.pk, triage_days=2, conference_days=5,
                                               expected_version=0)
    assert exc.value.code == "conflict"
    with pytest.raises(ValidationError) as exc:
        approach_settings.crisis_settings_save(actor=admin, house_id=house.pk, triage_days=0, conference_days=31,
                                               expected_version=1)
    assert set(exc.value.message_dict) == {"triage_days", "conference_days"}
    assert CrisisLaneSettings.objects.get().version == 1


def test_the_page_switches_an_approach_and_saves_the_periods(house: House,
                                                             verified_client: Callable[[User], Client]) -> None:
    manager = member(house, Role.HOUSE_MANAGER)
    client = verified_client(manager)
    url = reverse("network:approaches", args=[house.pk])
    page = client.get(url).content.decode()
    assert "Crisisroute" in page
    assert "uitgeschakeld" in page
    assert "Crisisroute: termijnen" not in page  # the crisis periods only once the crisis lane runs
    response = client.post(url, {"action": "switch", "approach": "crisis_lane", "enabled": "1", "version": "0"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Werkdagen tot het weegoverleg" in page
    stale = client.post(url, {"action": "switch", "approach": "crisis_lane", "enabled": "0", "version": "0"})
    assert stale.status_code == 400
    assert "ondertussen" in stale.content.decode()
    bad = client.post(url, {"action": "crisis", "version": "0", "triage_days": "0", "conference_days": "4"})
    assert bad.status_code == 400
    assert 'value="4"' in bad.content.decode()
    assert client.post(url, {"action": "crisis", "version": "0", "triage_days": "2",
                             "conference_days": "4"}).status_code == 302
    assert approach_settings.crisis_periods(house.pk) == (2, 4)


def test_a_reader_sees_the_page_without_buttons_and_cannot_post(house: House,
                                                                verified_client: Callable[[User], Client]) -> None:
    _crisis_on(house)
    client = verified_client(member(house, Role.SECRETARY))
    url = reverse("network:approaches", args=[house.pk])
    page = client.get(url).content.decode()
    assert "Inschakelen" not in page
    assert "Werkdagen tot het weegoverleg" in page
    assert client.post(url, {"action": "switch", "approach": "group", "enabled": "1",
                             "version": "0"}).status_code == 403


def test_the_api_lists_switches_and_needs_the_version(house: House,
                                                      api_client: Callable[[User], APIClient]) -> None:
    client = api_client(member(house, Role.HOUSE_MANAGER))
    base = f"/api/v1/houses/{house.pk}/approaches"
    listed = client.get(base).json()
    assert listed["mayEdit"] is True
    assert [a["approach"] for a in listed["approaches"]] == Approach.values
    one = client.get(f"{base}/group")
    assert one["ETag"] == '"0"'
    assert one.json()["enabled"] is False
    assert client.patch(f"{base}/group", {"enabled": True}, format="json").status_code == 428
    response = client.patch(f"{base}/group", {"enabled": True}, format="json", HTTP_IF_MATCH='"0"')
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["updatedBy"]
    assert client.put(f"{base}/group", {"enabled": False, "version": 0}, format="json").status_code == 409
    assert client.put(f"{base}/group", {"enabled": False}, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    assert client.get(f"{base}/pizza").status_code == 404
    assert client.put(f"{base}/group", {"version": 2}, format="json").status_code == 400  # PUT names enabled


def test_the_settings_endpoint_answers_404_while_the_crisis_lane_is_off(
        house: House, api_client: Callable[[User], APIClient]) -> None:
    client = api_client(member(house, Role.FUNCTIONAL_ADMINISTRATOR))
    url = f"/api/v1/houses/{house.pk}/crisis-lane-settings"
    assert client.get(url).status_code == 404
    assert client.put(url, {"triageDays": 2, "conferenceDays": 3, "version": 0}, format="json").status_code == 404
    _crisis_on(house)
    assert client.get(url)["ETag"] == '"0"'
    assert client.put(url, {"triageDays": 2, "conferenceDays": 3}, format="json").status_code == 428
    response = client.put(url, {"triageDays": 2, "conferenceDays": 3}, format="json", HTTP_IF_MATCH='"0"')
    assert response.status_code == 200
    assert response.json()["triageDays"] == 2
    assert client.put(url, {"triageDays": 40, "conferenceDays": 3, "version": 1}, format="json").status_code == 400


# --- Access matrix -----------------------------------------------------------------------------------------------

ROLES = {
    "director": Role.PROCESS_DIRECTOR, "secretary": Role.SECRETARY, "manager": Role.HOUSE_MANAGER,
    "administrator": Role.FUNCTIONAL_ADMINISTRATOR, "officer": Role.MUNICIPALITY_OFFICER,
    "steering": Role.STEERING_GROUP_MEMBER, "privacy_officer": Role.PRIVACY_OFFICER,
    "partner": Role.PARTNER_PROFESSIONAL,
}
EDITORS = {"manager", "administrator"}
READERS = EDITORS | {"director", "secretary", "officer", "steering", "privacy_officer"}


@pytest.mark.parametrize("actor", [*ROLES, "other_house_manager"])
def test_access_matrix(actor: str, house: House, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    _crisis_on(house)
    user = (member(HouseFactory.create(), Role.HOUSE_MANAGER) if actor == "other_house_manager"
            else member(house, ROLES[actor]))
    reads = actor in READERS
    edits = actor in EDITORS
    page = reverse("network:approaches", args=[house.pk])
    web, api = verified_client(user), api_client(user)
    assert web.get(page).status_code == (200 if reads else 404)
    switched = web.post(page, {"action": "switch", "approach": "group", "enabled": "1", "version": "0"})
    assert switched.status_code == (302 if edits else 403 if reads else 404)
    base = f"/api/v1/houses/{house.pk}"
    assert api.get(f"{base}/approaches").status_code == (200 if reads else 404)
    assert api.get(f"{base}/approaches/top_x").status_code == (200 if reads else 404)
    assert api.get(f"{base}/crisis-lane-settings").status_code == (200 if reads else 404)
    patched = api.patch(f"{base}/approaches/top_x", {"enabled": True, "version": 0}, format="json")
    assert patched.status_code == (200 if edits else 403 if reads else 404)
    put = api.put(f"{base}/crisis-lane-settings", {"triageDays": 2, "conferenceDays": 3, "version": 0},
                  format="json")
    assert put.status_code == (200 if edits else 403 if reads else 404)
    assert HouseApproach.objects.filter(house=house, enabled=True).count() == (3 if edits else 1)
