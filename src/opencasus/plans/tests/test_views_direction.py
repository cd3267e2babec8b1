"""Pages of case direction: the case director edits and proposes; the process director adopts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from opencasus.accounts.models import User
from opencasus.plans.models import Plan, PlanProposal
from opencasus.plans.state_tables import ProposalStatus
from opencasus.plans.tests.test_direction import adopted_plan, world
from opencasus.plans.vocabulary import InterventionLine

pytestmark = pytest.mark.django_db
VerifiedClient = Callable[[User], Client]


def _management(prefix: str, total: int) -> dict[str, str]:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000"}


def test_director_edits_and_proposes_and_process_director_adopts(verified_client: VerifiedClient) -> None:
    w = world()
    adopted_plan(w)
    director = verified_client(w.owner)
    page = director.get(f"/casussen/{w.case.pk}/plan")
    assert "Een nieuwe versie van het plan voorstellen" in page.content.decode()
    response = director.post(f"/casussen/{w.case.pk}/plan/voorstellen")
    proposal = PlanProposal.objects.get(case=w.case)
    assert response.status_code == 302
    assert response["Location"] == f"/plan-voorstellen/{proposal.pk}/bewerken"
    assert director.get(response["Location"]).status_code == 200
    post = {"version": proposal.version, "explanation": "Met schuldhulp",
            **_management("goals", 1), "goals-0-life_domain": "housing", "goals-0-description": "Woning houden",
            **_management("interventions", 1), "interventions-0-line": InterventionLine.CARE,
            "interventions-0-description": "Schuldhulp", "interventions-0-organisation": str(w.care.pk),
            **_management("agreements", 0)}
    bad = director.post(f"/plan-voorstellen/{proposal.pk}/bewerken", {**post, "interventions-0-organisation": ""})
    assert bad.status_code == 400
    assert "Met schuldhulp" in bad.content.decode()  # the input stays
    saved = director.post(f"/plan-voorstellen/{proposal.pk}/bewerken", post)
    assert saved.status_code == 302
    proposal.refresh_from_db()
    director.post(f"/plan-voorstellen/{proposal.pk}/voorstellen", {"version": proposal.version})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED
    # Another participant neither sees the proposal nor its content on the plan page.
    other = verified_client(w.participant)
    assert other.get(f"/plan-voorstellen/{proposal.pk}").status_code == 404
    assert "Schuldhulp" not in other.get(f"/casussen/{w.case.pk}/plan").content.decode()
    core = verified_client(w.director)
    page = core.get(f"/plan-voorstellen/{proposal.pk}")
    assert "Vaststellen" in page.content.decode()
    adopted = core.post(f"/plan-voorstellen/{proposal.pk}/vaststellen", {"version": proposal.version, "note": ""})
    assert adopted.status_code == 302
    assert Plan.objects.get(case=w.case).adopted_version == 2
    assert "Schuldhulp" in other.get(f"/casussen/{w.case.pk}/plan").content.decode()
