"""Reads of the case director's plan proposals, through `opencasus.access.plan_proposals`.

Only the case director and core staff see a proposal; for everyone else it answers 404 like a missing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from opencasus.access import capacities
from opencasus.access.plan_proposals import ProposalAccess, proposal_access, visible_proposals
from opencasus.access.policy import CaseAccess, case_get, refuse
from opencasus.cases.models import Case
from opencasus.logbook.models import Action
from opencasus.plans.models import Plan, PlanProposal
from opencasus.plans.services._common import log
from opencasus.plans.state_tables import OPEN_PROPOSAL_STATUSES, ProposalStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def case_proposal_access(*, actor: User, case: Case, level: CaseAccess) -> ProposalAccess:
    """What the actor may do with the proposals of a case they opened at `level`."""
    plan = Plan.objects.filter(case=case).first()
    return proposal_access(actor=actor, case=case, level=level, plan=plan)


def proposal_list(*, actor: User, case_id: int) -> tuple[Case, ProposalAccess, list[PlanProposal]]:
    """A case's proposals, newest first: for the case director and core staff; empty for other participants.
    A read of the content is logged once for the case."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    access = case_proposal_access(actor=actor, case=case, level=level)
    if access == ProposalAccess.NONE:
        return case, access, []
    proposals = list(PlanProposal.objects.filter(case=case).select_related("created_by", "decided_by", "adopted_as")
                     .order_by("-created_at", "-id"))
    if proposals:
        log(actor=actor, case=case, action=Action.VIEW, object_type="plan-proposals", object_id=case.pk)
    return case, access, proposals


def proposal_get(*, actor: User, proposal_id: int) -> tuple[PlanProposal, ProposalAccess]:
    """One proposal (404 when hidden or missing); the read is logged."""
    proposal = (visible_proposals(actor=actor).select_related("case", "plan", "created_by", "decided_by",
                                                               "adopted_as").filter(pk=proposal_id).first())
    if proposal is None:
        refuse(actor=actor, case_id=PlanProposal.objects.filter(pk=proposal_id).values_list("case_id", flat=True)
               .first())
    case, level = case_get(actor=actor, case_id=proposal.case_id, minimum=CaseAccess.PARTICIPANT)
    access = proposal_access(actor=actor, case=case, level=level, plan=proposal.plan)
    log(actor=actor, case=case, action=Action.VIEW, object_type="plan-proposal", object_id=proposal.pk)
    return proposal, access


def open_proposal(case: Case) -> PlanProposal | None:
    """The open (draft or proposed) proposal of a case whose proposals the caller may see."""
    return PlanProposal.objects.filter(case=case, status__in=OPEN_PROPOSAL_STATUSES).order_by("-id").first()


def proposals_awaiting_adoption(*, actor: User) -> QuerySet[PlanProposal]:
    """Proposed plans waiting for a process director of the actor's houses (the start-page count)."""
    houses = capacities.core_staff_house_ids(actor)
    return (visible_proposals(actor=actor).filter(status=ProposalStatus.PROPOSED, case__house_id__in=houses)
            .select_related("case"))


def proposals_directed(*, actor: User) -> QuerySet[PlanProposal]:
    """The open proposals of the cases the actor directs."""
    return visible_proposals(actor=actor).filter(status__in=OPEN_PROPOSAL_STATUSES).exclude(
        case__house_id__in=capacities.core_staff_house_ids(actor)).select_related("case")
