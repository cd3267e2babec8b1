"""Every actor x every transfer and co-direction page and endpoint: who sees and decides what. A transfer someone
may not see answers 404, exactly like a missing one, and leaves no read record; B's staff see the proposal's
summary, never A's case; a co-director sees the one case they co-direct at core level and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from opencasus.access.policy import CaseAccess, case_access, visible_cases
from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Membership, Role
from opencasus.network.tests.factories import member
from opencasus.transfers import services
from opencasus.transfers.tests.factories import TransferWorld, make_transfer_world, propose

pytestmark = pytest.mark.django_db

ACTORS = ["director_a", "secretary_a", "partner_a", "director_b", "secretary_b", "partner_b", "director_c",
          "manager_a", "privacy_officer_a"]
SEES = {
    "transfer": {"director_a", "secretary_a", "director_b"},
    "decide": {"director_b"},
    "propose": {"director_a"},
    "co-directors": {"director_a", "secretary_a"},
}


@dataclass
class Call:
    name: str
    resource: str
    kind: str
    method: str
    path: str
    data: dict[str, Any] | None = None
    ok: int = 200


def actors(w: TransferWorld) -> dict[str, User]:
    return {"director_a": w.director_a, "secretary_a": w.secretary_a, "partner_a": w.partner_a,
            "director_b": w.director_b, "secretary_b": w.secretary_b, "partner_b": w.partner_b,
            "director_c": w.director_c, "manager_a": member(w.house_a, Role.HOUSE_MANAGER, w.police_a),
            "privacy_officer_a": member(w.house_a, Role.PRIVACY_OFFICER, w.police_a)}


def calls(w: TransferWorld, transfer_id: int) -> list[Call]:
    t, c = transfer_id, w.case.pk
    return [
        Call("page transfer", "transfer", "page", "get", reverse("transfers:detail", args=[t])),
        Call("api transfer", "transfer", "api", "get", f"/api/v1/transfers/{t}"),
        Call("page propose form", "propose", "page", "get", reverse("transfers:propose", args=[c])),
        Call("page co-directors", "co-directors", "page", "get", reverse("transfers:co-directors", args=[c])),
        Call("api co-directors", "co-directors", "api", "get", f"/api/v1/cases/{c}/co-directors"),
        Call("api refusal", "decide", "api", "post", f"/api/v1/transfers/{t}/refusal",
             {"reason": "Niet in onze regio.", "version": 1}),
    ]


def reads(transfer_id: int) -> int:
    return ProcessingRecord.objects.filter(object_type="transfer", object_id=str(transfer_id), action="view").count()


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    w = make_transfer_world()
    transfer = propose(w)
    user = actors(w)[actor]
    page, api = verified_client(user), api_client(user)
    for call in calls(w, transfer.pk):
        client: Any = page if call.kind == "page" else api
        before = reads(transfer.pk)
        response = client.generic(call.method.upper(), call.path) if call.data is None else getattr(
            client, call.method)(call.path, call.data, format="json")
        want = call.ok if actor in SEES[call.resource] else 404
        assert response.status_code == want, (call.name, actor, response.status_code)
        if want == 404:
            assert reads(transfer.pk) == before, (call.name, "logged without access")
            assert w.case.reference.encode() not in response.content
        elif call.resource == "transfer":
            assert reads(transfer.pk) == before + 4, (call.name, "one read per person in each house")


@pytest.mark.parametrize("actor", ACTORS)
def test_transfer_list_shows_only_ones_own(actor: str, api_client: Callable[[User], APIClient]) -> None:
    w = make_transfer_world()
    transfer = propose(w)
    response = api_client(actors(w)[actor]).get("/api/v1/transfers")
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["results"]]
    assert ids == ([transfer.pk] if actor in SEES["transfer"] else [])


def test_receiving_staff_do_not_see_the_case_before_acceptance(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    propose(w)
    for user in (w.director_b, w.secretary_b, w.partner_b):
        assert case_access(actor=user, case=w.case) == CaseAccess.NONE
        assert not visible_cases(actor=user).filter(pk=w.case.pk).exists()
        assert verified_client(user).get(reverse("cases:detail", args=[w.case.pk])).status_code == 404


# The co-director relation, in the style of the case matrix: core level for the one case, nothing else.

@pytest.mark.parametrize(("who", "case_level", "other_case_level"), [
    ("co_director", CaseAccess.CORE, CaseAccess.NONE),
    ("ended_co_director", CaseAccess.NONE, CaseAccess.NONE),
    ("co_director_who_lost_the_role", CaseAccess.NONE, CaseAccess.NONE),
    ("other_director", CaseAccess.NONE, CaseAccess.NONE),
    ("co_house_participant", CaseAccess.PARTICIPANT, CaseAccess.NONE),
    ("co_house_professional_not_named", CaseAccess.NONE, CaseAccess.NONE),
])
def test_co_director_case_matrix(who: str, case_level: CaseAccess, other_case_level: CaseAccess,
                                 verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    co = services.co_director_add(actor=w.director_a, case_id=w.case.pk, user_id=w.director_b.pk,
                                  house_id=w.house_b.pk)
    user = w.director_b
    if who == "ended_co_director":
        services.co_director_end(actor=w.director_a, co_director_id=co.pk)
    elif who == "co_director_who_lost_the_role":
        Membership.objects.filter(user=w.director_b, house=w.house_b).update(ended_on="2024-06-01")
    elif who == "other_director":
        user = w.director_c
    elif who == "co_house_participant":
        services.co_participant_add(actor=w.director_b, case_id=w.case.pk, co_director_id=co.pk,
                                    organisation_id=w.care_b.pk, user_id=w.partner_b.pk)
        user = w.partner_b
    elif who == "co_house_professional_not_named":
        user = w.partner_b
    user = User.objects.get(pk=user.pk)  # fresh role cache
    assert case_access(actor=user, case=w.case) == case_level
    assert case_access(actor=user, case=w.other_case) == other_case_level
    assert visible_cases(actor=user).filter(pk=w.case.pk).exists() == (case_level > CaseAccess.NONE)
    assert not visible_cases(actor=user).filter(pk=w.other_case.pk).exists()
    page = verified_client(user).get(reverse("cases:detail", args=[w.case.pk]))
    assert page.status_code == (200 if case_level > CaseAccess.NONE else 404)
    assert verified_client(user).get(reverse("cases:detail", args=[w.other_case.pk])).status_code == 404
