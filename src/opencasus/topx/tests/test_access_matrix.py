"""Every actor x every Top X page and endpoint: who sees and does what. A record someone may not see answers 404,
exactly like a missing one, and leaves no processing-log read record. Lists (configuration) reach core staff, the
house manager and the house's partner professionals; a candidate reaches core staff, a participant of the linked
case and the partner who proposed them; deciding, reviewing and importing are for core staff; changing a list for
core staff and the house manager. A house that switched Top X off answers 404 to everyone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.topx import services
from opencasus.topx.tests.factories import TopxWorld, bsn, include, make_topx_world, propose, switch_on

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "participant", "proposer", "other_partner", "manager", "officer",
          "privacy_officer", "other_house_director"]
CORE = {"director", "secretary"}
PARTNERS = {"participant", "proposer", "other_partner"}
SEES = {
    "list": CORE | PARTNERS | {"manager"},
    "keep-list": CORE | {"manager"},
    "candidate": CORE | {"participant", "proposer"},
    "work": CORE,
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


def actors(w: TopxWorld) -> dict[str, User]:
    t = w.triage
    return {
        "director": t.director, "secretary": t.secretary, "participant": t.probation_pro, "proposer": t.police_pro,
        "other_partner": t.filer, "manager": w.manager, "officer": w.officer,
        "privacy_officer": member(t.house, Role.PRIVACY_OFFICER, t.police),
        "other_house_director": member(HouseFactory.create(), Role.PROCESS_DIRECTOR, t.police),
    }


def world() -> tuple[TopxWorld, dict[str, int]]:
    w = make_topx_world()
    t = w.triage
    included = include(w, propose(w, seed=1), participant=(t.probation, t.probation_pro))
    proposed = propose(w, seed=2)
    job = services.candidates_import(
        actor=w.director, list_id=w.topx_list.pk, organisation_id=t.police.pk, filename="top.csv",
        content=(b"first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation\n"
                 + f"Ria,Bakker,1990-02-03,{bsn(50)},3,2,1,Inbraken\n".encode()))
    return w, {"list": w.topx_list.pk, "included": included.pk, "proposed": proposed.pk, "import": job.pk}


def calls(ids: dict[str, int]) -> list[Call]:
    lst, inc, pro, imp = ids["list"], ids["included"], ids["proposed"], ids["import"]
    csv = (b"first_name,last_name,date_of_birth,bsn,score_1,score_2,score_3,motivation\n"
           + f"Jan,Smit,1990-02-03,{bsn(60)},1,1,1,Overlast\n".encode())
    return [
        Call("page list", "list", "page", "get", f"/topx/{lst}"),
        Call("api list", "list", "api", "get", f"/api/v1/topx-lists/{lst}"),
        Call("api criteria", "list", "api", "get", f"/api/v1/topx-lists/{lst}/criteria"),
        Call("page propose form", "list", "page", "get", f"/topx/{lst}/voordragen"),
        Call("page edit list", "keep-list", "page", "get", f"/topx/{lst}/bewerken"),
        Call("api patch list", "keep-list", "api", "patch", f"/api/v1/topx-lists/{lst}",
             {"theme": "Veelplegers", "version": 1}),
        Call("page candidate", "candidate", "page", "get", f"/topx/kandidaten/{inc}"),
        Call("api candidate", "candidate", "api", "get", f"/api/v1/topx-candidates/{inc}"),
        Call("api reviews", "candidate", "api", "get", f"/api/v1/topx-candidates/{inc}/reviews"),
        Call("page import form", "work", "page", "get", f"/topx/{lst}/importeren"),
        Call("page import report", "work", "page", "get", f"/topx/importen/{imp}"),
        Call("api import report", "work", "api", "get", f"/api/v1/topx-imports/{imp}"),
        Call("api decision", "work", "api", "post", f"/api/v1/topx-candidates/{pro}/decision",
             {"include": False, "grounds": "Te lage score."}),
        Call("api review", "work", "api", "post", f"/api/v1/topx-candidates/{inc}/reviews",
             {"outcome": "continue", "grounds": "Nog actief."}, 201),
        Call("api import", "work", "api", "post", f"/api/v1/topx-lists/{lst}/imports",
             {"organisationId": 0, "file": csv}, 201),
    ]


def send(client: Any, call: Call, w: TopxWorld) -> Any:
    if call.name == "api import":
        upload = SimpleUploadedFile("top.csv", call.data["file"] if call.data else b"", content_type="text/csv")
        return client.post(call.path, {"organisationId": w.triage.police.pk, "file": upload}, format="multipart")
    if call.kind == "api" and call.data is not None:
        return getattr(client, call.method)(call.path, call.data, format="json")
    return getattr(client, call.method)(call.path, call.data or {})


def candidate_reads(pk: int) -> int:
    return ProcessingRecord.objects.filter(object_type="topx-candidate", object_id=str(pk), action="view").count()


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    w, ids = world()
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(ids):
        client: Any = page if call.kind == "page" else api
        before = candidate_reads(ids["included"])
        response = send(client, call, w)
        allowed = actor in SEES[call.resource]
        if allowed and call.name == "page propose form" and actor not in CORE | PARTNERS:
            allowed = False  # the house manager sees the list but proposes no one
        expected = call.ok if allowed else 404
        assert response.status_code == expected, (actor, call.name, response.status_code)
        if not allowed:
            assert candidate_reads(ids["included"]) == before, (actor, call.name)


@pytest.mark.parametrize("actor", ACTORS)
def test_lists_show_only_what_the_reader_may_see(actor: str, api_client: Callable[[User], APIClient]) -> None:
    w, ids = world()
    response = api_client(actors(w)[actor]).get("/api/v1/topx-candidates")
    assert response.status_code == 200
    seen = {item["id"] for item in response.json()["results"]}
    expected = {
        "director": {ids["included"], ids["proposed"]}, "secretary": {ids["included"], ids["proposed"]},
        "participant": {ids["included"]}, "proposer": {ids["included"], ids["proposed"]},
    }.get(actor, set())
    if actor in CORE:
        assert expected <= seen
        assert len(seen) == 3  # and the imported one
    else:
        assert seen == expected
    if actor == "proposer":
        item = next(i for i in response.json()["results"] if i["id"] == ids["proposed"])
        assert "motivation" not in item
        assert item["stage"] == "proposed"


def test_a_participant_sees_the_row_of_their_case_only_on_the_list_page(verified_client: Callable[[User], Client]
                                                                         ) -> None:
    w, ids = world()
    html = verified_client(w.triage.probation_pro).get(f"/topx/{ids['list']}").content.decode()
    assert "Jansen1" in html
    assert "Jansen2" not in html
    assert "Bakker" not in html


@pytest.mark.parametrize("actor", ["director", "proposer", "manager"])
def test_a_house_that_switched_top_x_off_answers_404(actor: str, verified_client: Callable[[User], Client],
                                                     api_client: Callable[[User], APIClient]) -> None:
    w, ids = world()
    switch_on(w.triage.house.pk, on=False)
    user = actors(w)[actor]
    for path in ["/topx", f"/topx/{ids['list']}", f"/topx/kandidaten/{ids['included']}"]:
        assert verified_client(user).get(path).status_code == 404, path
    for path in [f"/api/v1/topx-lists/{ids['list']}", f"/api/v1/topx-candidates/{ids['included']}"]:
        assert api_client(user).get(path).status_code == 404, path
    assert api_client(user).get("/api/v1/topx-lists").json()["results"] == []
