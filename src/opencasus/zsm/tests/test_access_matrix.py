"""Every actor x every ZSM page and endpoint. The advice is read by core staff of the case and written by a
process director; the question is answered to a ZSM system client of the house only. Anyone else gets 404,
exactly like a missing case, and leaves no read record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.zsm import services
from opencasus.zsm.tests.factories import BSN, ZsmWorld, zsm_world

pytestmark = pytest.mark.django_db

ACTORS = ["director", "secretary", "owner", "participant", "filer", "outsider", "manager", "steering",
          "municipality_officer", "privacy_officer", "administrator", "other_house_director", "client",
          "other_client", "person_client"]


@dataclass(frozen=True)
class Call:
    name: str
    kind: str  # page | api
    method: str
    path: str
    sees: frozenset[str]
    data: dict[str, Any] | None = None
    ok: int = 200


def actor(z: ZsmWorld, name: str) -> User:
    if name in {"client", "other_client", "person_client"}:
        user: User = getattr(z, name)
        return user
    return z.w.members[name] if name in z.w.members else getattr(z.w, name)


def calls(z: ZsmWorld) -> list[Call]:
    case = z.case.pk
    core = frozenset({"director", "secretary"})
    return [
        Call("page advice", "page", "get", f"/casussen/{case}/zsm-advies", core),
        Call("api advice", "api", "get", f"/api/v1/cases/{case}/zsm-advice", core),
        Call("api advice put", "api", "put", f"/api/v1/cases/{case}/zsm-advice",
             frozenset({"director"}), {"text": "Taakstraf.", "version": 1}),
        Call("page advice post", "page", "post", f"/casussen/{case}/zsm-advies", frozenset({"director"}),
             {"text": "Taakstraf met begeleiding.", "version": "2"}, 302),
    ]


@pytest.mark.parametrize("who", ACTORS)
def test_access_matrix(who: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    z = zsm_world()
    advice = services.advice_save(actor=z.w.director, case_id=z.case.pk, text="Voorwaardelijk sepot.",
                                  expected_version=0)
    user = actor(z, who)
    page, api = verified_client(user), api_client(user)
    for call in calls(z):
        client: Any = page if call.kind == "page" else api
        before = ProcessingRecord.objects.filter(object_type="zsm-advice", action="view").count()
        kwargs = {"format": "json"} if call.kind == "api" and call.data is not None else {}
        response = (client.get(call.path) if call.data is None else getattr(client, call.method)(
            call.path, call.data, **kwargs))
        if who in call.sees:
            want = call.ok
        elif call.method != "get" and who == "secretary":
            want = 403  # core staff see the case, so refusing the write is no disclosure
        else:
            want = 404
        assert response.status_code == want, (call.name, who, response.status_code)
        if want == 404:
            assert ProcessingRecord.objects.filter(object_type="zsm-advice", action="view").count() == before
            assert b"sepot" not in response.content
            assert z.case.reference.encode() not in response.content
    response = api.post("/api/v1/zsm-queries", {"bsn": BSN}, format="json")
    if who == "client":
        assert response.status_code == 200
        assert response.json()["known"] is True
        assert z.case.reference not in response.content.decode()
    elif who == "other_client":
        assert response.status_code == 200
        assert response.json() == {"known": False, "answers": []}
    else:
        assert response.status_code == 404, who
    assert advice.pk
