"""Escalations and plans change state only along their transition tables, whatever the sequence of calls."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.plans import services
from opencasus.plans.models import Escalation, Plan, PlanProposal
from opencasus.plans.services import direction
from opencasus.plans.state_tables import (
    ESCALATION_TRANSITIONS,
    OPEN_PROPOSAL_STATUSES,
    PLAN_TRANSITIONS,
    PROPOSAL_TRANSITIONS,
    PlanState,
    ProposalStatus,
    plan_state,
)
from opencasus.plans.tests.factories import a_meeting, world
from opencasus.plans.tests.test_direction import adopted_plan, drafted
from opencasus.plans.vocabulary import EscalationLevel, EscalationOutcome, EscalationStatus

pytestmark = pytest.mark.django_db

NEXT_LEVEL: dict[str, str] = {EscalationLevel.OPERATIONAL: EscalationLevel.TACTICAL,
                              EscalationLevel.TACTICAL: EscalationLevel.STRATEGIC}


def test_adopted_and_withdrawn_proposals_are_final() -> None:
    assert PROPOSAL_TRANSITIONS.targets(ProposalStatus.ADOPTED) == frozenset()
    assert PROPOSAL_TRANSITIONS.targets(ProposalStatus.WITHDRAWN) == frozenset()


def test_escalated_and_closed_escalations_are_final() -> None:
    assert ESCALATION_TRANSITIONS.targets(EscalationStatus.CLOSED) == frozenset()
    assert ESCALATION_TRANSITIONS.targets(EscalationStatus.ESCALATED) == frozenset()


def test_no_sequence_of_service_calls_leaves_the_escalation_table() -> None:
    w = world()

    def create() -> Escalation:
        return services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                                         organisation=w.police, reason="Afspraak niet nagekomen")

    def respond(subject: Escalation, outcome: str) -> None:
        current = Escalation.objects.get(pk=subject.pk)
        services.escalation_respond(actor=w.director, escalation_id=subject.pk, expected_version=current.version,
                                    response="Besproken met de teamleider", outcome=outcome)

    def escalate(subject: Escalation, _: object) -> None:
        current = Escalation.objects.get(pk=subject.pk)
        services.escalation_raise(actor=w.director, case_id=w.case.pk, level=NEXT_LEVEL.get(current.level, "national"),
                                  organisation=w.police, reason="Nog steeds niet", previous_id=subject.pk)

    check_against_table(
        table=ESCALATION_TRANSITIONS, create=create, read=lambda subject: Escalation.objects.get(pk=subject.pk).status,
        actions={"respond": (respond, st.sampled_from([*EscalationOutcome.values, "bogus"])),
                 "escalate": (escalate, st.none())})


def test_plan_state_follows_adoption_and_change() -> None:
    assert plan_state(adopted_version=0, changed_since_adoption=True) == PlanState.DRAFT
    assert plan_state(adopted_version=2, changed_since_adoption=False) == PlanState.ADOPTED
    assert plan_state(adopted_version=2, changed_since_adoption=True) == PlanState.CHANGED
    assert not PLAN_TRANSITIONS.allowed(PlanState.ADOPTED, PlanState.ADOPTED)


def test_no_sequence_of_service_calls_leaves_the_plan_table() -> None:
    w = world()
    meeting_id = a_meeting(w)
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None, director_organisation=w.police)

    def read(_: object) -> str:
        plan = Plan.objects.get(case=w.case)
        return plan_state(adopted_version=plan.adopted_version, changed_since_adoption=plan.changed_since_adoption)

    def add_goal(_: object, domain: str) -> None:
        services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=domain,
                          description="Een dak boven het hoofd")

    def adopt(_: object, __: object) -> None:
        plan = Plan.objects.get(case=w.case)
        services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=plan.version, meeting_id=meeting_id)

    check_against_table(table=PLAN_TRANSITIONS, create=lambda: None, read=read,
                        actions={"add goal": (add_goal, st.sampled_from(["housing", "finances", "bogus"])),
                                 "adopt": (adopt, st.none())}, max_examples=8)


def test_no_sequence_of_service_calls_leaves_the_proposal_table() -> None:
    w = world()
    adopted_plan(w)
    meeting_id = a_meeting(w)

    def create() -> PlanProposal:
        # One open proposal per plan: a sequence that ended with one open leaves it to the next example.
        PlanProposal.objects.filter(case=w.case, status__in=OPEN_PROPOSAL_STATUSES).update(
            status=ProposalStatus.WITHDRAWN)
        return drafted(w)

    def edit(subject: PlanProposal, _: object) -> None:
        current = PlanProposal.objects.get(pk=subject.pk)
        direction.proposal_update(actor=w.owner, proposal_id=subject.pk, expected_version=current.version,
                                  explanation="Bijgewerkt", goals=[], interventions=[], agreements=[])

    def submit(subject: PlanProposal, by_owner: bool) -> None:
        direction.proposal_submit(actor=w.owner if by_owner else w.director, proposal_id=subject.pk,
                                  expected_version=None)

    def withdraw(subject: PlanProposal, by_owner: bool) -> None:
        direction.proposal_withdraw(actor=w.owner if by_owner else w.outsider, proposal_id=subject.pk,
                                    expected_version=None)

    def send_back(subject: PlanProposal, note: str) -> None:
        direction.proposal_return(actor=w.director, proposal_id=subject.pk, expected_version=None, note=note)

    def adopt(subject: PlanProposal, by_director: bool) -> None:
        direction.proposal_adopt(actor=w.director if by_director else w.owner, proposal_id=subject.pk,
                                 expected_version=None, meeting_id=meeting_id)

    check_against_table(
        table=PROPOSAL_TRANSITIONS, create=create, read=lambda subject: PlanProposal.objects.get(pk=subject.pk).status,
        actions={"edit": (edit, st.none()), "submit": (submit, st.booleans()),
                 "withdraw": (withdraw, st.booleans()),
                 "return": (send_back, st.sampled_from(["", "Graag de schuldhulp concreet maken"])),
                 "adopt": (adopt, st.booleans())}, max_examples=8)
