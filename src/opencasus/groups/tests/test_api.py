"""The group approach API: members list/create/update with version and ETag, leaving, links, goals per member."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.groups.models import GroupMember
from opencasus.groups.tests.factories import make_group_world, switch_on
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans.models import Goal, Plan

pytestmark = pytest.mark.django_db


def _base(case_id: int) -> str:
    return f"/api/v1/cases/{case_id}/group-members"


def test_list_shows_links_as_the_caller_may_see_them(api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world()
    core = api_client(w.director).get(_base(w.group.pk)).json()["results"]
    assert len(core) == 6
    linked = {m["individualCase"]["reference"] for m in core if m["individualCase"]}
    assert linked == {w.case_a.reference, w.case_b.reference}
    participant = api_client(w.world.police_pro).get(_base(w.group.pk)).json()["results"]
    links = [m["individualCase"] for m in participant if m["individualCase"]]
    assert links == [{"visible": False, "caseId": None, "reference": None, "status": None}] * 2
    body = str(participant)
    assert w.case_a.reference not in body
    assert w.case_b.reference not in body
    records = ProcessingRecord.objects.filter(object_type="group-members", action="view", case_id=w.group.pk)
    assert records.count() == 12  # six members, twice


def test_a_members_case_stays_404_to_a_participant_of_the_group_only(
        api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world()
    client = api_client(w.world.police_pro)
    for case in (w.case_a, w.case_b):
        response = client.get(f"/api/v1/cases/{case.pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
    assert api_client(w.world.probation_pro).get(f"/api/v1/cases/{w.case_a.pk}").status_code == 200


def test_create_update_with_etag_and_end(api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world()
    client = api_client(w.director)
    created = client.post(_base(w.group.pk), {"firstName": "Sem", "lastName": "Bakker", "role": "follower",
                                              "tier": 3, "startDate": "2026-02-01"}, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert created["ETag"] == '"1"'
    assert data["role"] == "follower"
    assert data["individualCase"] is None
    url = f"{_base(w.group.pk)}/{data['id']}"
    assert client.get(url)["ETag"] == '"1"'
    assert client.patch(url, {"tier": 2}, format="json").status_code == 428
    assert client.patch(url, {"tier": 2, "version": 9}, format="json").status_code == 409
    changed = client.patch(url, {"tier": 2, "role": "core_member"}, format="json", HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200
    assert changed.json()["tier"] == 2
    assert changed["ETag"] == '"2"'
    ended = client.post(f"{url}/end", {"endDate": "2026-03-01", "version": 2}, format="json")
    assert ended.status_code == 200
    assert ended.json()["active"] is False
    bad = client.post(_base(w.group.pk), {"role": "boss", "tier": 7, "startDate": "x"}, format="json")
    assert bad.status_code == 400
    assert {p["name"] for p in bad.json()["invalidParams"]} >= {"role", "tier", "startDate"}


def test_links_create_and_delete(api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world(linked=False)
    client = api_client(w.director)
    url = f"{_base(w.group.pk)}/{w.members[2].pk}/case-link"
    response = client.post(url, {"individualCaseId": w.case_a.pk, "version": 1}, format="json")
    assert response.status_code == 201
    assert response.json()["individualCase"]["caseId"] == w.case_a.pk
    assert client.post(url, {"individualCaseId": w.case_b.pk}, format="json").status_code == 409
    assert client.delete(url, HTTP_IF_MATCH='"1"').status_code == 409
    assert client.delete(url, HTTP_IF_MATCH='"2"').status_code == 204
    assert GroupMember.objects.get(pk=w.members[2].pk).individual_case_id is None
    assert client.delete(url).status_code == 404
    hidden = client.post(url, {"individualCaseId": 999999}, format="json")
    assert hidden.status_code == 404


def test_participants_cannot_write(api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world(linked=False)
    client = api_client(w.world.probation_pro)
    m = w.members[0]
    assert client.post(_base(w.group.pk), {"firstName": "A", "lastName": "B", "role": "leader", "tier": 1,
                                           "startDate": "2026-02-01"}, format="json").status_code == 404
    assert client.patch(f"{_base(w.group.pk)}/{m.pk}", {"tier": 3, "version": 1},
                        format="json").status_code == 404
    assert client.post(f"{_base(w.group.pk)}/{m.pk}/case-link", {"individualCaseId": w.case_a.pk},
                       format="json").status_code == 404
    assert GroupMember.objects.get(pk=m.pk).version == 1


def test_goals_per_member(api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world()
    plan = Plan.objects.create(case=w.group)
    Goal.objects.create(plan=plan, life_domain="education_work", person=w.members[0].person, description="Naar school.")
    Goal.objects.create(plan=plan, life_domain="friends", description="Geen overlast meer.")
    goals = api_client(w.world.police_pro).get(f"{_base(w.group.pk)}/{w.members[0].pk}/goals").json()
    assert [g["description"] for g in goals] == ["Naar school."]
    assert ProcessingRecord.objects.filter(object_type="group-member-goals", action="view").count() == 1
    assert api_client(w.world.police_pro).get(f"{_base(w.group.pk)}/{w.members[1].pk}/goals").json() == []


def test_switched_off_and_non_group_cases_answer_404(api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world()
    client = api_client(w.director)
    assert client.get(_base(w.case_a.pk)).status_code == 404
    switch_on(w.world.house.pk, enabled=False)
    assert client.get(_base(w.group.pk)).status_code == 404
    assert client.get(f"{_base(w.group.pk)}/{w.members[0].pk}").status_code == 404
