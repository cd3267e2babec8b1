"""Every role x every caseload page and endpoint x (member of the house, participant of the case, other house):
core staff see the workload with its cases and assign directors; the house manager sees the workload as
figures and the load over time, and with the functional administrator sets the maximums; everyone else sees
nothing, and hidden answers 404 exactly like missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Participant
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import CORE_STAFF_ROLES, CaseloadLimit, Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.triage import services as triage
from opencasus.triage.tests.factories import World, admit, intake, make_world, meets

pytestmark = pytest.mark.django_db

RELATIONS = ["house_member", "participant", "other_house"]
WORKLOAD = {*CORE_STAFF_ROLES, Role.HOUSE_MANAGER}
LIMIT_READERS = {*CORE_STAFF_ROLES, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR}
LIMIT_EDITORS = {Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR}


@dataclass
class Call:
    name: str
    kind: str  # page | api
    method: str
    path: str
    data: Callable[[], dict[str, Any]] | None
    allowed: set[str]
    ok: int
    refused: int = 404  # for a role of the house that is not allowed, when the resource is visible to it


def _limit_version(world: World) -> int:
    row = CaseloadLimit.objects.filter(house=world.house).first()
    return row.version if row else 0


def calls(case: Case, world: World) -> list[Call]:
    house = world.house.pk
    core = set(CORE_STAFF_ROLES)
    return [
        Call("page workload", "page", "get", f"{reverse('cases:workload')}?huis={house}", None, WORKLOAD, 200),
        Call("page history", "page", "get", f"{reverse('cases:workload-history')}?huis={house}", None, WORKLOAD, 200),
        Call("page direction", "page", "get", reverse("cases:direction", args=[case.pk]), None, core, 200),
        Call("api workload", "api", "get", f"/api/v1/houses/{house}/workload", None, WORKLOAD, 200),
        Call("api history", "api", "get", f"/api/v1/houses/{house}/workload-history?months=6", None, WORKLOAD, 200),
        Call("api assignments", "api", "get", f"/api/v1/cases/{case.pk}/director-assignments", None, core, 200),
        Call("page limits", "page", "get", reverse("network:caseload-limits", args=[house]), None, LIMIT_READERS,
             200),
        Call("api limits", "api", "get", f"/api/v1/houses/{house}/caseload-limits", None, LIMIT_READERS, 200),
        # Writes.
        Call("api limits put", "api", "put", f"/api/v1/houses/{house}/caseload-limits",
             lambda: {"perDirector": 8, "perHouse": 30, "version": _limit_version(world)}, LIMIT_EDITORS, 200,
             refused=403),
        Call("page limits post", "page", "post", reverse("network:caseload-limits", args=[house]),
             lambda: {"per_director": "9", "per_house": "31", "version": str(_limit_version(world))}, LIMIT_EDITORS,
             302, refused=403),
        Call("api assign", "api", "post", f"/api/v1/cases/{case.pk}/director-assignments",
             lambda: {"directorId": world.director.pk}, core, 201),
        Call("page reassign", "page", "post", reverse("cases:direction", args=[case.pk]),
             lambda: {"director": str(world.second_director.pk), "reason": "Verlof.",  # type: ignore[attr-defined]
                      "version": str(Case.objects.get(pk=case.pk).version)}, core, 302),
    ]


def expected(call: Call, role: str, relation: str) -> int:
    if relation == "other_house":
        return 404
    if role in call.allowed:
        return call.ok
    if call.refused == 403 and role in LIMIT_READERS:
        return 403
    return 404


def actor_for(world: World, case: Case, role: str, relation: str) -> User:
    if relation == "other_house":
        return member(HouseFactory(), role, world.police)
    user = member(world.house, role, world.police)
    if relation == "participant":
        Participant.objects.create(case=case, organisation=world.police, user=user)
    return user


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("role", Role.values)
def test_access_matrix(role: str, relation: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    world = make_world()
    world.second_director = member(world.house, Role.PROCESS_DIRECTOR, world.police)  # type: ignore[attr-defined]
    case = intake(world)
    triage.assessment_save(actor=world.secretary, case_id=case.pk, data=meets())
    triage.decision_record(actor=world.secretary, case_id=case.pk, data=admit(world))
    assert Case.objects.get(pk=case.pk).process_director_id is None  # the secretary does not direct
    user = actor_for(world, case, role, relation)
    page, api = verified_client(user), api_client(user)
    for call in calls(case, world):
        client = page if call.kind == "page" else api
        before = ProcessingRecord.objects.filter(case_id=case.pk).count()
        data = call.data() if call.data is not None else None
        kwargs = {"format": "json"} if call.kind == "api" and data is not None else {}
        response = getattr(client, call.method)(call.path, data, **kwargs)
        want = expected(call, role, relation)
        assert response.status_code == want, (call.name, role, relation, response.status_code)
        after = ProcessingRecord.objects.filter(case_id=case.pk).count()
        sees_case = want in (200, 201, 302) and role in CORE_STAFF_ROLES and relation != "other_house"
        if not sees_case:
            assert after == before, (call.name, "logged without access")
            assert case.reference.encode() not in response.content, (call.name, "leak")
        elif call.name in ("page direction", "api assignments") or call.method != "get":
            assert after > before, (call.name, "no processing-log record")
        if want == 404 and call.kind == "api":
            assert response["Content-Type"] == "application/problem+json"


def test_the_manager_sees_figures_without_cases(api_client: Callable[[User], APIClient]) -> None:
    world = make_world()
    case = intake(world)
    triage.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    triage.decision_record(actor=world.director, case_id=case.pk, data=admit(world))
    manager = member(world.house, Role.HOUSE_MANAGER)
    data = api_client(manager).get(f"/api/v1/houses/{world.house.pk}/workload").json()
    row = next(d for d in data["directors"] if d["directorId"] == world.director.pk)
    assert row["activeCases"] == 1
    assert row["cases"] == []
    assert case.reference.encode() not in api_client(manager).get(
        f"/api/v1/houses/{world.house.pk}/workload").content
    core = api_client(world.secretary).get(f"/api/v1/houses/{world.house.pk}/workload").json()
    row = next(d for d in core["directors"] if d["directorId"] == world.director.pk)
    assert [c["reference"] for c in row["cases"]] == [case.reference]


def test_a_missing_case_and_house_answer_like_hidden_ones(api_client: Callable[[User], APIClient]) -> None:
    world = make_world()
    client = api_client(world.director)
    assert client.get("/api/v1/cases/999999/director-assignments").status_code == 404
    assert client.get("/api/v1/houses/999999/workload").status_code == 404
    assert client.get("/api/v1/houses/999999/caseload-limits").status_code == 404
