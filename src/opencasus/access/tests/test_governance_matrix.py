"""Every actor x every steering page and endpoint (`opencasus.access.governance`). The strategic agenda and the
strategic meeting belong to the region: its steering-group members and house managers edit, core staff of its
houses read. The tactical meeting belongs to its house: the house manager records it, the house's core staff and
the region's steering group read. The owner of an action reads its meeting. Everyone else gets 404, as for a
missing record; a reader who may not edit gets 403."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.core.tests.world import in_days
from opencasus.governance import services
from opencasus.governance.models import MeetingLevel
from opencasus.governance.tests.factories import SteeringWorld, make_steering_world

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "manager", "steering", "municipality_officer", "privacy_officer",
          "administrator", "partner", "owner", "same_region_director", "other_region_steering"]
CORE = {"director", "secretary"}
REGION_EDIT = {"manager", "steering"}
SEES = {
    "agenda-read": CORE | REGION_EDIT | {"same_region_director"},
    "agenda-write": REGION_EDIT,
    "strategic-read": CORE | REGION_EDIT | {"same_region_director", "owner"},
    "strategic-write": REGION_EDIT,
    "tactical-read": CORE | REGION_EDIT,
    "tactical-write": {"manager"},
}
WRITE_OF = {"agenda-write": "agenda-read", "strategic-write": "strategic-read", "tactical-write": "tactical-read"}


@dataclass
class Call:
    name: str
    resource: str
    kind: str  # page | api
    method: str
    path: str
    data: dict[str, Any] | None = None
    ok: int = 200


def _actors(sw: SteeringWorld) -> dict[str, User]:
    w = sw.world
    return {"director": w.director, "secretary": w.secretary, "manager": sw.manager, "steering": sw.steering,
            "municipality_officer": w.members["municipality_officer"], "privacy_officer": w.members["privacy_officer"],
            "administrator": w.members["administrator"], "partner": w.members["probation_pro"],
            "owner": w.members["police_pro"], "same_region_director": w.other_house_director,
            "other_region_steering": sw.other_region_steering}


def _calls(sw: SteeringWorld) -> list[Call]:
    theme = sw.themes[0].pk
    strategic = sw.meeting.pk
    tactical = services.meeting_create(actor=sw.manager, level=MeetingLevel.TACTICAL, house_id=sw.world.house.pk,
                                       date=timezone.localdate(), title="Tactisch overleg").pk
    item = {"text": "Besluit."}
    return [
        Call("page theme", "agenda-read", "page", "get", f"/sturing/themas/{theme}"),
        Call("api theme", "agenda-read", "api", "get", f"/api/v1/priority-themes/{theme}"),
        Call("api theme patch", "agenda-write", "api", "patch", f"/api/v1/priority-themes/{theme}",
             {"aims": "Nieuwe doelen.", "version": 1}),
        Call("page strategic", "strategic-read", "page", "get", f"/sturing/overleggen/{strategic}"),
        Call("api strategic", "strategic-read", "api", "get", f"/api/v1/governance-meetings/{strategic}"),
        Call("api strategic decision", "strategic-write", "api", "post",
             f"/api/v1/governance-meetings/{strategic}/decisions", item, ok=201),
        Call("page tactical", "tactical-read", "page", "get", f"/sturing/overleggen/{tactical}"),
        Call("api tactical", "tactical-read", "api", "get", f"/api/v1/governance-meetings/{tactical}"),
        Call("api tactical agenda item", "tactical-write", "api", "post",
             f"/api/v1/governance-meetings/{tactical}/agenda-items", item, ok=201),
        Call("page tactical agenda item", "tactical-write", "page", "post", f"/sturing/overleggen/{tactical}",
             {"form": "agenda", "agenda-text": "Agendapunt."}, ok=302),
    ]


def _expected(actor: str, call: Call) -> int:
    if actor in SEES[call.resource]:
        return call.ok
    read = WRITE_OF.get(call.resource)
    return 403 if read and actor in SEES[read] else 404


@pytest.mark.parametrize("actor", ACTORS)
def test_every_actor_on_every_steering_resource(actor: str, api_client: Any, verified_client: Any) -> None:
    sw = make_steering_world()
    users = _actors(sw)
    services.action_add(actor=sw.steering, meeting_id=sw.meeting.pk, description="Actie.",
                        owner_id=users["owner"].pk, deadline=in_days(7))
    user = users[actor]
    api, page = api_client(user), verified_client(user)
    for call in _calls(sw):
        client = api if call.kind == "api" else page
        kwargs = {"format": "json"} if call.kind == "api" and call.data is not None else {}
        response = getattr(client, call.method)(call.path, call.data, **kwargs) if call.data is not None \
            else getattr(client, call.method)(call.path)
        assert response.status_code == _expected(actor, call), f"{actor} {call.name}: {response.status_code}"


def test_the_owner_moves_their_action_and_nobody_outside_sees_it(api_client: Any) -> None:
    sw = make_steering_world()
    owner = sw.world.members["police_pro"]
    action = services.action_add(actor=sw.steering, meeting_id=sw.meeting.pk, description="Actie.",
                                 owner_id=owner.pk, deadline=in_days(7))
    path = f"/api/v1/meeting-actions/{action.pk}/status-changes"
    assert api_client(owner).post(path, {"status": "in_progress"}, format="json").status_code == 200
    assert api_client(owner).post(path, {"status": "cancelled"}, format="json").status_code == 409
    assert api_client(sw.other_region_steering).post(path, {"status": "done"}, format="json").status_code == 404
    assert api_client(sw.world.members["probation_pro"]).get(f"/api/v1/meeting-actions/{action.pk}").status_code \
        == 404
