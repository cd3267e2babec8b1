"""Who sees and who writes a plan proposal of the case director.

- The case director writes it: the plan's named case director (`Plan.director_user`) while they take part in
  the case for the director organisation; when the plan names an organisation only, any active participant
  of the case for that organisation (DIRECTOR).
- Core staff of the case's house read every proposal and adopt or return a proposed one (CORE).
- Other participants, filers, managers and everyone else see no proposal at all: for them a proposal answers
  404, exactly like a missing one, and they see the plan's last adopted version only.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet

from opencasus.access.policy import CaseAccess, case_access, refuse, visible_cases
from opencasus.cases.models import Case, Participant
from opencasus.plans.models import Plan, PlanProposal

if TYPE_CHECKING:
    from opencasus.accounts.models import User


class ProposalAccess(IntEnum):
    NONE = 0
    DIRECTOR = 1  # the case director: writes drafts, proposes and withdraws
    CORE = 2  # core staff of the house: read, adopt, return


def is_case_director(*, actor: User, case: Case, plan: Plan | None) -> bool:
    """The actor directs the case: named on the plan, or a participant of the director organisation."""
    if plan is None or plan.director_organisation_id is None or not actor.is_authenticated:
        return False
    if plan.director_user_id is not None and plan.director_user_id != actor.pk:
        return False
    if case_access(actor=actor, case=case) < CaseAccess.PARTICIPANT:
        return False
    return Participant.objects.active().filter(case=case, user=actor,
                                               organisation_id=plan.director_organisation_id).exists()


def proposal_access(*, actor: User, case: Case, level: CaseAccess, plan: Plan | None) -> ProposalAccess:
    """The actor's access to the proposals of a case they opened at `level`."""
    if level >= CaseAccess.CORE:
        return ProposalAccess.CORE
    if level >= CaseAccess.PARTICIPANT and is_case_director(actor=actor, case=case, plan=plan):
        return ProposalAccess.DIRECTOR
    return ProposalAccess.NONE


def visible_proposals(*, actor: User) -> QuerySet[PlanProposal]:
    """Proposals of the cases the actor sees as core staff, and of the cases the actor directs."""
    if not actor.is_authenticated:
        return PlanProposal.objects.none()
    core = visible_cases(actor=actor, minimum=CaseAccess.CORE)
    participating = visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT)
    directs = Participant.objects.active().filter(
        case_id=OuterRef("case_id"), user=actor, organisation_id=OuterRef("plan__director_organisation_id"))
    named = Q(plan__director_user=actor) | Q(plan__director_user__isnull=True)
    return PlanProposal.objects.filter(
        Q(case__in=core.values("pk"))
        | (Q(case__in=participating.values("pk")) & named & Q(plan__director_organisation__isnull=False)
           & Q(Exists(directs))))


def proposal_check(*, actor: User, proposal: PlanProposal | None, minimum: ProposalAccess) -> PlanProposal:
    """404 for a proposal the actor may not see (or act on at `minimum`), the same as for a missing one."""
    if proposal is None:
        refuse(actor=actor, case_id=None)
    level = case_access(actor=actor, case=proposal.case)
    if proposal_access(actor=actor, case=proposal.case, level=level, plan=proposal.plan) < minimum:
        refuse(actor=actor, case_id=proposal.case_id)
    return proposal
