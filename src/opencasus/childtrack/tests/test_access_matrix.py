"""Every actor x every Kindspoor page and endpoint. Child checks follow the case policy: core staff of the house
and the case's active participants read and record them; the filer, other partners, a former participant, the
aggregate roles and other houses get 404 exactly as for a missing case, and no read is logged for them. Only core
staff set the domestic-violence flag; the house manager and the functional administrator set the target groups,
which core staff may read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.tests.factories import ParticipantFactory
from opencasus.childtrack.tests.factories import ChildWorld, check_url, make_child_world, record_complete
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import member

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "participant", "former_participant", "filer", "other_partner", "manager",
          "steering", "municipality_officer", "privacy_officer", "administrator", "other_house_director"]
CORE = {"director", "secretary"}
SEES = {
    "checks": CORE | {"participant"},
    "flag": CORE,
    "config-read": CORE | {"manager", "administrator"},
    "config-write": {"manager", "administrator"},
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
    headers: dict[str, str] | None = None


def actors(w: ChildWorld) -> dict[str, User]:
    world = w.world
    former = member(world.house, Role.PARTNER_PROFESSIONAL, world.partners["police"])
    ParticipantFactory.create(case=w.case, organisation=world.partners["police"], user=former,
                              ended_at=timezone.now())
    return {
        "director": world.director, "secretary": world.secretary, "participant": world.police_pro,
        "former_participant": former, "filer": world.filer, "other_partner": world.probation_pro,
        "manager": world.manager, "steering": world.steering, "municipality_officer": world.municipality_officer,
        "privacy_officer": world.privacy_officer, "administrator": world.administrator,
        "other_house_director": world.other_house_director,
    }


def calls(w: ChildWorld, check_id: int) -> list[Call]:
    case = w.case.pk
    today = timezone.localdate().isoformat()
    body = {"seenAndHeard": True, "seenOn": today, "seenBy": "J. de Boer", "safetyOutcome": "safe",
            "helpOffered": False, "veiligThuisInvolved": False, "veiligThuisReason": "Niet nodig.",
            "boardInvolved": False, "boardReason": "Niet nodig."}
    form = {"seen_and_heard": "yes", "seen_on": today, "seen_by": "J. de Boer", "safety_outcome": "safe",
            "help_offered": "no", "veilig_thuis_involved": "no", "veilig_thuis_reason": "Niet nodig.",
            "board_involved": "no", "board_reason": "Niet nodig."}
    house = w.world.house.pk
    return [
        Call("page check form", "checks", "page", "get", check_url(case, w.younger.pk)),
        Call("api child track", "checks", "api", "get", f"/api/v1/cases/{case}/child-track"),
        Call("api child checks", "checks", "api", "get", f"/api/v1/cases/{case}/child-checks"),
        Call("api child check", "checks", "api", "get", f"/api/v1/child-checks/{check_id}"),
        Call("api put", "checks", "api", "put", f"/api/v1/child-checks/{check_id}", body,
             headers={"HTTP_IF_MATCH": '"1"'}),
        Call("api post", "checks", "api", "post", f"/api/v1/cases/{case}/child-checks",
             {**body, "personId": w.younger.pk}, 201),
        Call("page post", "checks", "page", "post", check_url(case, w.older.pk),
             {**form, "version": "2"}, 302),
        Call("page flag", "flag", "page", "post", reverse("childtrack:flag", args=[case]), {"flagged": "on"}, 302),
        Call("api flag", "flag", "api", "put", f"/api/v1/cases/{case}/domestic-violence-flag", {"flagged": True}),
        Call("page configuration", "config-read", "page", "get", reverse("childtrack:configuration", args=[house])),
        Call("page configuration post", "config-write", "page", "post",
             reverse("childtrack:configuration", args=[house]), {"target_groups": [str(w.group.pk)]}, 302),
    ]


def reads() -> int:
    return ProcessingRecord.objects.filter(object_type__in=["child-check", "child-checks"], action="view").count()


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    w = make_child_world()
    check = record_complete(w, w.older)
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(w, check.pk):
        client: Any = page if call.kind == "page" else api
        before = reads()
        kwargs: dict[str, Any] = {"format": "json"} if call.kind == "api" and call.data is not None else {}
        kwargs.update(call.headers or {})
        response = (client.generic(call.method.upper(), call.path) if call.data is None
                    else getattr(client, call.method)(call.path, call.data, **kwargs))
        want = call.ok if actor in SEES[call.resource] else 404
        assert response.status_code == want, (call.name, actor, response.status_code, response.content[:300])
        if want == 404:
            assert reads() == before, (call.name, "logged without access")
            assert b"Noor Jansen" not in response.content
            assert b"Daan" not in response.content
            if call.kind == "api":
                assert response["Content-Type"] == "application/problem+json"
        elif call.method == "get" and call.resource == "checks":
            assert reads() > before, (call.name, "read without processing-log record")


@pytest.mark.parametrize("actor", ACTORS)
def test_workspace_section(actor: str, verified_client: Callable[[User], Client]) -> None:
    w = make_child_world()
    record_complete(w, w.older)
    user = actors(w)[actor]
    response = verified_client(user).get(reverse("cases:detail", args=[w.case.pk]) + "?tab=personen")
    if actor in SEES["checks"]:
        assert response.status_code == 200
        assert "Kindspoor: kindchecks" in response.content.decode()
    else:
        assert response.status_code == 404, (actor, response.status_code)
        assert b"Kindspoor" not in response.content
