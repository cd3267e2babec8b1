"""API of case direction: plan proposals, their access matrix (hidden = 404) and the round trip."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.vocabulary import LifeDomain
from opencasus.plans.models import Plan, PlanProposal
from opencasus.plans.tests.factories import World, in_days
from opencasus.plans.tests.test_direction import adopted_plan, drafted
from opencasus.plans.tests.test_direction import world as make_world

pytestmark = pytest.mark.django_db

API = "/api/v1"
EVERYONE = ["director", "secretary", "owner", "colleague", "participant", "outsider", "filer", "manager", "steering",
            "municipality_officer", "privacy_officer", "administrator", "other_house_director"]
SEES = {"director", "secretary", "owner"}
ApiClient = Callable[[User], APIClient]


@pytest.fixture
def setup() -> tuple[World, PlanProposal]:
    w = make_world()
    adopted_plan(w)
    return w, drafted(w)


@pytest.mark.parametrize("who", EVERYONE)
def test_proposal_read_access_matrix(setup: tuple[World, PlanProposal], api_client: ApiClient, who: str) -> None:
    w, proposal = setup
    client = api_client(getattr(w, who))
    response = client.get(f"{API}/plan-proposals/{proposal.pk}")
    assert response.status_code == (200 if who in SEES else 404)
    missing = client.get(f"{API}/plan-proposals/{proposal.pk + 1000}")
    assert missing.status_code == 404
    listed = client.get(f"{API}/cases/{w.case.pk}/plan/proposals")
    if who in SEES:
        assert [p["id"] for p in listed.json()] == [proposal.pk]
    else:
        assert listed.status_code == 404 or listed.json() == []
    for action in ("submission", "withdrawal", "return", "adoption"):
        if who not in SEES:
            assert client.post(f"{API}/plan-proposals/{proposal.pk}/{action}", {"note": "x"},
                               format="json").status_code == 404


def test_round_trip_through_the_api(setup: tuple[World, PlanProposal], api_client: ApiClient) -> None:
    w, proposal = setup
    director = api_client(w.owner)
    body = director.get(f"{API}/plan-proposals/{proposal.pk}")
    assert body["ETag"] == f'"{proposal.version}"'
    data = body.json()
    assert data["content"]["goals"][1]["lifeDomain"] == LifeDomain.INCOME_MONEY
    put = {"explanation": "Bijgesteld", "goals": [{"lifeDomain": "housing", "description": "Woning houden"}],
           "interventions": [], "agreements": [{"description": "Gesprek", "ownerOrganisationId": w.police.pk,
                                                "deadline": in_days(5).isoformat()}]}
    assert director.put(f"{API}/plan-proposals/{proposal.pk}", put, format="json").status_code == 428
    stale = director.put(f"{API}/plan-proposals/{proposal.pk}", put, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 409
    bad = director.put(f"{API}/plan-proposals/{proposal.pk}", {**put, "goals": [{"lifeDomain": "housing",
                                                                                 "description": " "}]},
                       format="json", HTTP_IF_MATCH=f'"{proposal.version}"')
    assert bad.status_code == 400
    ok = director.put(f"{API}/plan-proposals/{proposal.pk}", put, format="json", HTTP_IF_MATCH=f'"{proposal.version}"')
    assert ok.status_code == 200, ok.json()
    assert director.post(f"{API}/plan-proposals/{proposal.pk}/submission", {}, format="json").status_code == 200
    # The case director may not adopt; the participant still reads the adopted plan.
    assert director.post(f"{API}/plan-proposals/{proposal.pk}/adoption", {}, format="json").status_code == 404
    plan = api_client(w.participant).get(f"{API}/cases/{w.case.pk}/plan").json()
    assert [g["description"] for g in plan["goals"]] == ["Het gezin houdt de woning."]
    adopted = api_client(w.director).post(f"{API}/plan-proposals/{proposal.pk}/adoption", {"note": "In het ICO"},
                                          format="json")
    assert adopted.status_code == 201, adopted.json()
    assert adopted.json()["number"] == 2
    plan = api_client(w.participant).get(f"{API}/cases/{w.case.pk}/plan").json()
    assert [g["description"] for g in plan["goals"]] == ["Woning houden"]
    assert Plan.objects.get(case=w.case).adopted_version == 2


def test_start_through_the_api(api_client: ApiClient) -> None:
    w = make_world()
    adopted_plan(w)
    assert api_client(w.participant).post(f"{API}/cases/{w.case.pk}/plan/proposals").status_code == 403
    assert api_client(w.outsider).post(f"{API}/cases/{w.case.pk}/plan/proposals").status_code == 404
    created = api_client(w.owner).post(f"{API}/cases/{w.case.pk}/plan/proposals")
    assert created.status_code == 201
    assert api_client(w.owner).post(f"{API}/cases/{w.case.pk}/plan/proposals").status_code == 400
