"""Every actor x every group page and endpoint. The members of a group case reach whoever sees its persons (core
staff of the house, participants of the group case); writes and links are core staff's; a member's individual case
follows its own access: a participant of the group case only gets 404 on it and never sees its reference. Hidden
answers 404 exactly like missing, and leaves no read record in the processing log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.groups.tests.factories import GroupWorld, make_group_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member, municipality

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "group_participant", "both_participant", "filer", "uncovered_pro",
          "manager", "officer", "steering", "privacy_officer", "administrator", "other_house_director"]
CORE = {"director", "secretary"}
SEES = {
    "members": CORE | {"group_participant", "both_participant"},
    "manage": CORE,
    "case_a": CORE | {"both_participant"},
    "case_b": CORE,
}


@dataclass
class Call:
    name: str
    resource: str
    kind: str  # page | api
    method: str
    path: str
    data: dict[str, Any] | None = None
    ok: int = 200


def actors(w: GroupWorld) -> dict[str, User]:
    t = w.world
    gemeente = OrganisationFactory.create(name=f"Gemeente Dordrecht {t.house.pk}")
    return {
        "director": t.director, "secretary": t.secretary, "group_participant": t.police_pro,
        "both_participant": t.probation_pro, "filer": t.filer, "uncovered_pro": t.uncovered_pro,
        "manager": member(t.house, Role.HOUSE_MANAGER, t.police),
        "officer": member(t.house, Role.MUNICIPALITY_OFFICER, gemeente, municipality=municipality("GM0505")),
        "steering": member(t.house, Role.STEERING_GROUP_MEMBER, gemeente),
        "privacy_officer": member(t.house, Role.PRIVACY_OFFICER, t.police),
        "administrator": member(t.house, Role.FUNCTIONAL_ADMINISTRATOR, gemeente),
        "other_house_director": member(HouseFactory.create(), Role.PROCESS_DIRECTOR, t.police),
    }


def calls(w: GroupWorld) -> list[Call]:
    g, m = w.group.pk, w.members
    api = f"/api/v1/cases/{g}/group-members"
    return [
        Call("page group", "members", "page", "get", reverse("groups:group", args=[g])),
        Call("page member", "members", "page", "get", reverse("groups:member", args=[g, m[0].pk])),
        Call("api members", "members", "api", "get", api),
        Call("api member", "members", "api", "get", f"{api}/{m[0].pk}"),
        Call("api member goals", "members", "api", "get", f"{api}/{m[0].pk}/goals"),
        Call("page new member", "manage", "page", "get", reverse("groups:member-new", args=[g])),
        Call("page member post", "manage", "page", "post", reverse("groups:member", args=[g, m[5].pk]),
             {"edit-version": 1, "edit-role": "follower", "edit-tier": "2", "edit-start_date": "2026-01-15"}, 302),
        Call("api create", "manage", "api", "post", api,
             {"firstName": "Sem", "lastName": "Bakker", "role": "follower", "tier": 3, "startDate": "2026-02-01"},
             201),
        Call("api patch", "manage", "api", "patch", f"{api}/{m[3].pk}", {"tier": 1, "version": 1}),
        Call("api end", "manage", "api", "post", f"{api}/{m[4].pk}/end", {"endDate": "2026-03-01"}),
        Call("api unlink", "manage", "api", "delete", f"{api}/{m[1].pk}/case-link", None, 204),
        Call("api link", "manage", "api", "post", f"{api}/{m[2].pk}/case-link",
             {"individualCaseId": w.case_b.pk}, 201),
        Call("page case a", "case_a", "page", "get", reverse("cases:detail", args=[w.case_a.pk])),
        Call("api case a", "case_a", "api", "get", f"/api/v1/cases/{w.case_a.pk}"),
        Call("page case b", "case_b", "page", "get", reverse("cases:detail", args=[w.case_b.pk])),
        Call("api case b", "case_b", "api", "get", f"/api/v1/cases/{w.case_b.pk}"),
    ]


def member_reads(w: GroupWorld) -> int:
    return ProcessingRecord.objects.filter(case_id=w.group.pk, action="view",
                                           object_type__startswith="group-member").count()


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    w = make_group_world()
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(w):
        client: Any = page if call.kind == "page" else api
        before = member_reads(w)
        if call.data is None:
            response = client.generic(call.method.upper(), call.path)
        else:
            kwargs = {"format": "json"} if call.kind == "api" else {}
            response = getattr(client, call.method)(call.path, call.data, **kwargs)
        want = call.ok if actor in SEES[call.resource] else 404
        assert response.status_code == want, (call.name, actor, response.status_code)
        if want == 404:
            assert member_reads(w) == before, (call.name, "logged without access")
            if call.kind == "api":
                assert response["Content-Type"] == "application/problem+json"
        elif call.resource == "members" and call.method == "get":
            assert member_reads(w) > before, (call.name, "read without processing-log record")
        if actor not in SEES["case_a"]:
            assert w.case_a.reference.encode() not in response.content, (call.name, actor)
        if actor not in SEES["case_b"]:
            assert w.case_b.reference.encode() not in response.content, (call.name, actor)
