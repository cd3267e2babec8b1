"""Case direction: the case director (police, another organisation than the house) drafts and proposes the
plan's next version; the process director adopts it; until then participants see the adopted version only."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from opencasus.cases.vocabulary import LifeDomain
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import selectors, services
from opencasus.plans.models import Agreement, Plan, PlanProposal
from opencasus.plans.selectors_direction import proposal_get, proposal_list, proposals_awaiting_adoption
from opencasus.plans.services.direction import (
    AgreementRow,
    GoalRow,
    InterventionRow,
    proposal_adopt,
    proposal_return,
    proposal_start,
    proposal_submit,
    proposal_update,
    proposal_withdraw,
)
from opencasus.plans.state_tables import ProposalStatus
from opencasus.plans.tests.factories import World, a_meeting, in_days, world
from opencasus.plans.vocabulary import InterventionLine

pytestmark = pytest.mark.django_db


def adopted_plan(w: World) -> Plan:
    """A plan directed by the police professional `owner`, adopted as version 1."""
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None,
                         director_organisation=w.police, director_user=w.owner, evaluation_date=in_days(60))
    services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING,
                      description="Het gezin houdt de woning.")
    services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                              owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=None)
    return Plan.objects.get(case=w.case)


def drafted(w: World) -> PlanProposal:
    proposal = proposal_start(actor=w.owner, case_id=w.case.pk)
    goal = proposal.content["goals"][0]
    agreement = proposal.content["agreements"][0]
    return proposal_update(
        actor=w.owner, proposal_id=proposal.pk, expected_version=proposal.version, explanation="Schuldhulp erbij.",
        goals=[GoalRow(id=goal["id"], life_domain=LifeDomain.HOUSING, description="Het gezin houdt de woning."),
               GoalRow(life_domain=LifeDomain.INCOME_MONEY, description="Schulden in beeld.")],
        interventions=[InterventionRow(line=InterventionLine.CARE, description="Schuldhulpverlening",
                                       organisation_id=w.care.pk)],
        agreements=[AgreementRow(id=agreement["id"], description="Huisbezoek met wijkagent",
                                 owner_organisation_id=w.police.pk, owner_user_id=w.owner.pk, deadline=in_days(10)),
                    AgreementRow(description="Aanmelding schuldhulp", owner_organisation_id=w.care.pk,
                                 owner_user_id=w.participant.pk, deadline=in_days(14))])


def test_case_director_drafts_proposes_and_process_director_adopts() -> None:
    w = world()
    plan = adopted_plan(w)
    proposal = drafted(w)
    assert proposal.based_on_adopted_version == 1
    proposal = proposal_submit(actor=w.owner, proposal_id=proposal.pk, expected_version=proposal.version)
    assert proposal.status == ProposalStatus.PROPOSED
    assert proposal.proposed_at is not None
    # Until adoption the live plan is the adopted version.
    plan.refresh_from_db()
    assert plan.goals.count() == 1
    assert not plan.changed_since_adoption
    assert list(proposals_awaiting_adoption(actor=w.director)) == [proposal]
    with pytest.raises(Http404):
        proposal_adopt(actor=w.owner, proposal_id=proposal.pk, expected_version=None)
    version = proposal_adopt(actor=w.director, proposal_id=proposal.pk, expected_version=proposal.version,
                             meeting_id=a_meeting(w))
    assert version.number == 2
    plan.refresh_from_db()
    assert plan.adopted_version == 2
    assert sorted(plan.goals.values_list("description", flat=True)) == ["Het gezin houdt de woning.",
                                                                        "Schulden in beeld."]
    assert plan.interventions.get().organisation == w.care
    assert sorted(Agreement.objects.filter(case=w.case).values_list("description", flat=True)) == [
        "Aanmelding schuldhulp", "Huisbezoek met wijkagent"]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ADOPTED
    assert proposal.adopted_as == version
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="plan-proposal").exists()


def test_only_the_case_director_starts_and_edits_and_one_proposal_is_open() -> None:
    w = world()
    adopted_plan(w)
    with pytest.raises(PermissionDenied):
        proposal_start(actor=w.colleague, case_id=w.case.pk)  # police too, but not the named director
    with pytest.raises(PermissionDenied):
        proposal_start(actor=w.director, case_id=w.case.pk)  # core staff edit the plan itself
    with pytest.raises(Http404):
        proposal_start(actor=w.outsider, case_id=w.case.pk)
    proposal = proposal_start(actor=w.owner, case_id=w.case.pk)
    with pytest.raises(ValidationError) as exc:
        proposal_start(actor=w.owner, case_id=w.case.pk)
    assert exc.value.code == "exists"
    for actor in (w.participant, w.colleague, w.outsider, w.filer, w.manager):
        with pytest.raises(Http404):
            proposal_update(actor=actor, proposal_id=proposal.pk, expected_version=None, explanation="",
                            goals=[], interventions=[], agreements=[])


def test_bad_rows_are_refused_with_their_place_and_stale_versions_conflict() -> None:
    w = world()
    adopted_plan(w)
    proposal = proposal_start(actor=w.owner, case_id=w.case.pk)
    with pytest.raises(ValidationError) as exc:
        proposal_update(actor=w.owner, proposal_id=proposal.pk, expected_version=proposal.version, explanation="",
                        goals=[GoalRow(life_domain=LifeDomain.HOUSING, description="Woning")], interventions=[],
                        agreements=[AgreementRow(description="x", owner_organisation_id=w.police.pk,
                                                 deadline=in_days(-1))])
    assert "agreements[0]" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        proposal_update(actor=w.owner, proposal_id=proposal.pk, expected_version=proposal.version + 5,
                        explanation="", goals=[], interventions=[], agreements=[])
    assert exc.value.code == "conflict"
    proposal.refresh_from_db()
    assert proposal.version == 1  # nothing was lost or half-written


def test_return_to_draft_needs_a_note_and_withdrawal_ends_it() -> None:
    w = world()
    adopted_plan(w)
    proposal = drafted(w)
    proposal = proposal_submit(actor=w.owner, proposal_id=proposal.pk, expected_version=None)
    with pytest.raises(ValidationError):
        proposal_return(actor=w.director, proposal_id=proposal.pk, expected_version=None, note=" ")
    proposal = proposal_return(actor=w.director, proposal_id=proposal.pk, expected_version=None,
                               note="Eerst overleggen met de reclassering.")
    assert proposal.status == ProposalStatus.DRAFT
    proposal = proposal_withdraw(actor=w.owner, proposal_id=proposal.pk, expected_version=None)
    with pytest.raises(ValidationError) as exc:
        proposal_submit(actor=w.owner, proposal_id=proposal.pk, expected_version=None)
    assert exc.value.code == "invalid_transition"


@pytest.mark.parametrize(("who", "sees"), [
    ("director", True),  # process director (core staff)
    ("secretary", True),
    ("owner", True),  # the case director
    ("colleague", False),  # same organisation, not the director
    ("participant", False),
    ("outsider", False),
    ("filer", False),
    ("manager", False),
    ("steering", False),
    ("municipality_officer", False),
    ("privacy_officer", False),
    ("administrator", False),
    ("other_house_director", False),
])
def test_access_matrix_of_a_proposal(who: str, sees: bool) -> None:
    w = world()
    adopted_plan(w)
    proposal = drafted(w)
    actor = getattr(w, who)
    if sees:
        found, _access = proposal_get(actor=actor, proposal_id=proposal.pk)
        assert found == proposal
    else:
        with pytest.raises(Http404):
            proposal_get(actor=actor, proposal_id=proposal.pk)
        try:
            _case, _access, listed = proposal_list(actor=actor, case_id=w.case.pk)
        except Http404:
            listed = []
        assert listed == []
    # A missing proposal answers the same.
    with pytest.raises(Http404):
        proposal_get(actor=actor, proposal_id=proposal.pk + 1000)


def test_participants_see_the_adopted_plan_while_a_proposal_waits() -> None:
    w = world()
    adopted_plan(w)
    proposal = drafted(w)
    proposal_submit(actor=w.owner, proposal_id=proposal.pk, expected_version=None)
    _case, _level, plan = selectors.plan_get(actor=w.participant, case_id=w.case.pk)
    assert plan is not None
    assert [g.description for g in plan.goals.all()] == ["Het gezin houdt de woning."]
    assert [a.description for a in selectors.plan_agreements(plan)] == ["Huisbezoek"]
