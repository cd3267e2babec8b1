"""Every actor x every after-care page and endpoint: who sees what. A record someone may not see answers 404,
exactly like a missing one, and leaves no processing-log read record; lists show only what the reader may see;
a house with after-care switched off shows nothing of it to anyone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.aftercare import services
from opencasus.aftercare.models import ExpectedRelease, ReleaseImport, TimelineItem
from opencasus.aftercare.tests.factories import AftercareWorld, make_aftercare_world, switch
from opencasus.aftercare.vocabulary import ItemKind
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "participant", "filer", "other_partner", "coordinator", "other_coordinator",
          "officer", "manager", "steering", "privacy_officer", "administrator", "other_house_director"]
CORE = {"director", "secretary"}
SEES = {
    "timeline": CORE | {"participant"},
    "timeline-edit": CORE,
    "item": CORE,
    "release": CORE | {"coordinator"},
    "import": CORE | {"coordinator"},
    "settings": CORE | {"manager", "administrator"},
    "settings-edit": {"manager", "administrator"},
    "figures": CORE | {"manager", "steering", "officer", "coordinator", "other_coordinator"},
}
OBJECT_TYPES = {"timeline": "aftercare-timeline", "item": "aftercare-item", "release": "expected-release",
                "import": "release-import"}


@dataclass
class Call:
    name: str
    resource: str
    kind: str  # page | api
    method: str
    path: str
    data: dict[str, Any] | None = None
    ok: int = 200


def actors(w: AftercareWorld) -> dict[str, User]:
    t = w.triage
    return {
        "director": t.director, "secretary": t.secretary, "participant": t.police_pro, "filer": t.filer,
        "other_partner": t.probation_pro, "coordinator": w.coordinator, "other_coordinator": w.other_coordinator,
        "officer": w.officer, "manager": member(t.house, Role.HOUSE_MANAGER, t.police),
        "steering": member(t.house, Role.STEERING_GROUP_MEMBER, t.police),
        "privacy_officer": member(t.house, Role.PRIVACY_OFFICER, t.police),
        "administrator": member(t.house, Role.FUNCTIONAL_ADMINISTRATOR, t.police),
        "other_house_director": member(HouseFactory.create(), Role.PROCESS_DIRECTOR, t.police),
    }


def world_with_records() -> tuple[AftercareWorld, dict[str, int]]:
    w = make_aftercare_world()
    soon = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    job = services.release_import(actor=w.coordinator, house_id=w.house_id, filename="dpan.csv", content=(
        "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente\n"
        f";Piet;Pietersen;1980-01-01;{soon};PI Haaglanden;Gorinchem").encode())
    item = TimelineItem.objects.get(case=w.running, kind=ItemKind.HOUSING)
    handover = TimelineItem.objects.get(case=w.running, kind=ItemKind.HANDOVER)
    return w, {"case": w.running.pk, "item": item.pk, "handover": handover.pk, "release": ExpectedRelease.objects
               .get().pk, "import": job.pk, "timeline": w.timeline().pk}


def calls(w: AftercareWorld, ids: dict[str, int]) -> list[Call]:
    case, item, handover, release, job = ids["case"], ids["item"], ids["handover"], ids["release"], ids["import"]
    later = (timezone.localdate() + dt.timedelta(days=50)).isoformat()
    house = w.house_id
    return [
        Call("page timeline", "timeline", "page", "get", reverse("aftercare:timeline", args=[case])),
        Call("api timeline", "timeline", "api", "get", f"/api/v1/cases/{case}/aftercare-timeline"),
        Call("page item", "item", "page", "get", reverse("aftercare:item", args=[item])),
        Call("api item", "item", "api", "get", f"/api/v1/aftercare-items/{item}"),
        Call("page release", "release", "page", "get", reverse("aftercare:release", args=[release])),
        Call("api release", "release", "api", "get", f"/api/v1/expected-releases/{release}"),
        Call("page import", "import", "page", "get", reverse("aftercare:import-report", args=[job])),
        Call("api import", "import", "api", "get", f"/api/v1/release-imports/{job}"),
        Call("page settings", "settings", "page", "get", f"{reverse('aftercare:settings')}?huis={house}"),
        Call("api settings", "settings", "api", "get", f"/api/v1/houses/{house}/aftercare-settings"),
        Call("page figures", "figures", "page", "get", f"{reverse('aftercare:figures')}?huis={house}"),
        Call("api figures", "figures", "api", "get", f"/api/v1/houses/{house}/aftercare-figures"),
        Call("api settings put", "settings-edit", "api", "put", f"/api/v1/houses/{house}/aftercare-settings", {
            "identityDays": 40, "incomeDays": 28, "housingDays": 40, "careDays": 28, "debtsDays": 14,
            "checkWeeks": 6, "version": 0}),
        Call("api item patch", "item", "api", "patch", f"/api/v1/aftercare-items/{item}",
             {"note": "Corporatie gebeld.", "version": 1}),
        Call("api handover", "item", "api", "post", f"/api/v1/aftercare-items/{handover}/handover",
             {"byOrganisationId": w.prison.pk, "toOrganisationId": w.triage.probation.pk, "done": True}),
        Call("page release date", "timeline-edit", "page", "post", reverse("aftercare:timeline", args=[case]),
             {"release-release_date": later, "release-version": 1}, 302),
    ]


def reads(object_type: str, pk: int) -> int:
    return ProcessingRecord.objects.filter(object_type=object_type, object_id=str(pk), action="view").count()


def _send(client: Any, call: Call) -> Any:
    if call.data is None:
        return client.generic(call.method.upper(), call.path)
    kwargs = {"format": "json"} if call.kind == "api" else {}
    return getattr(client, call.method)(call.path, call.data, **kwargs)


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    w, ids = world_with_records()
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(w, ids):
        client: Any = page if call.kind == "page" else api
        object_type = OBJECT_TYPES.get(call.resource)
        key = "timeline" if call.resource == "timeline" else call.resource
        before = reads(object_type, ids[key]) if object_type else 0
        response = _send(client, call)
        want = call.ok if actor in SEES[call.resource] else 404
        assert response.status_code == want, (call.name, actor, response.status_code, response.content[:200])
        if want == 404:
            if object_type:
                assert reads(object_type, ids[key]) == before, (call.name, "logged without access")
            assert w.running.reference.encode() not in response.content
            assert b"Pietersen" not in response.content
            if call.kind == "api":
                assert response["Content-Type"] == "application/problem+json"
        elif call.method == "get" and object_type:
            assert reads(object_type, ids[key]) > before, (call.name, "read without processing-log record")


LISTS = [("items", "aftercare:items", "/api/v1/aftercare-items", CORE),
         ("releases", "aftercare:releases", "/api/v1/expected-releases", CORE | {"coordinator"})]


@pytest.mark.parametrize("actor", ACTORS)
def test_lists_show_only_what_the_reader_may_see(actor: str, verified_client: Callable[[User], Client],
                                                 api_client: Callable[[User], APIClient]) -> None:
    w, _ids = world_with_records()
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    # The other house does not run after-care: its process director has no such pages.
    pages_for = {"items": CORE, "releases": CORE | {"coordinator", "other_coordinator"}}
    for name, url_name, api_path, seers in LISTS:
        response = api.get(api_path)
        assert response.status_code == 200, (name, actor)
        assert (len(response.json()["results"]) > 0) == (actor in seers), (name, actor)
        html = page.get(reverse(url_name))
        assert html.status_code == (200 if actor in pages_for[name] else 404), (name, actor, html.status_code)
        if actor not in seers:
            assert w.running.reference.encode() not in html.content
            assert b"Pietersen" not in html.content


def test_the_coordinator_never_sees_which_case_a_release_was_matched_to(
        api_client: Callable[[User], APIClient]) -> None:
    w, _ids = world_with_records()
    services.release_import(actor=w.coordinator, house_id=w.house_id, filename="dpan2.csv", content=(
        "bsn;voornaam;achternaam;geboortedatum;ontslagdatum;inrichting;gemeente\n"
        f"111222333;Jeroen;Bakker;1990-05-17;{(timezone.localdate() + dt.timedelta(days=30)).isoformat()};"
        "PI Haaglanden;Gorinchem").encode())
    matched = ExpectedRelease.objects.get(last_name="Bakker")
    assert matched.case_id == w.running.pk
    coordinator = api_client(w.coordinator).get(f"/api/v1/expected-releases/{matched.pk}").json()
    assert coordinator["caseId"] is None
    assert coordinator["match"] == "matched"
    director = api_client(w.director).get(f"/api/v1/expected-releases/{matched.pk}").json()
    assert director["caseId"] == w.running.pk


@pytest.mark.parametrize("actor", ["director", "participant", "coordinator", "manager"])
def test_a_house_with_after_care_switched_off_shows_nothing(actor: str, verified_client: Callable[[User], Client],
                                                            api_client: Callable[[User], APIClient]) -> None:
    w, ids = world_with_records()
    switch(w.house_id, on=False)
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(w, ids):
        response = _send(page if call.kind == "page" else api, call)
        assert response.status_code == 404, (call.name, actor, response.status_code)
    assert api.get("/api/v1/expected-releases").json()["results"] == []
    assert "Nazorg" not in page.get("/").content.decode()
    workspace = page.get(reverse("cases:detail", args=[w.running.pk]))
    assert "nazorgtijdlijn" not in workspace.content.decode().lower()
    assert ReleaseImport.objects.count() == 1
