"""The allowed status changes of escalations and of a plan (see `opencasus.core.transitions`).

Agreements have their own table with the movers in `plans/workflow.py`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opencasus.core.transitions import TransitionTable
from opencasus.plans.vocabulary import EscalationStatus as E

# Open or answered: answered (again), closed, or escalated one level up; escalated and closed are final.
ESCALATION_TRANSITIONS = TransitionTable(
    transitions={
        E.OPEN: frozenset({E.ANSWERED, E.CLOSED, E.ESCALATED}),
        E.ANSWERED: frozenset({E.ANSWERED, E.CLOSED, E.ESCALATED}),
        E.ESCALATED: frozenset(),
        E.CLOSED: frozenset(),
    },
    label=lambda value: str(E(value).label),
)


class PlanState(models.TextChoices):
    """A plan's state, derived from `adopted_version` and `changed_since_adoption`."""

    DRAFT = "draft", _("Draft, never adopted")
    ADOPTED = "adopted", _("Adopted")
    CHANGED = "changed", _("Changed since its adoption")


def plan_state(*, adopted_version: int, changed_since_adoption: bool) -> str:
    if not adopted_version:
        return PlanState.DRAFT
    return PlanState.CHANGED if changed_since_adoption else PlanState.ADOPTED


# Editing keeps a draft a draft and makes an adopted plan "changed"; adopting needs a draft or a change.
PLAN_TRANSITIONS = TransitionTable(
    transitions={
        PlanState.DRAFT: frozenset({PlanState.DRAFT, PlanState.ADOPTED}),
        PlanState.ADOPTED: frozenset({PlanState.CHANGED}),
        PlanState.CHANGED: frozenset({PlanState.CHANGED, PlanState.ADOPTED}),
    },
    label=lambda value: str(PlanState(value).label),
)


class ProposalStatus(models.TextChoices):
    """A plan proposal of the case director (`plans.PlanProposal`)."""

    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed for adoption")
    ADOPTED = "adopted", _("Adopted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_PROPOSAL_STATUSES = frozenset({ProposalStatus.DRAFT, ProposalStatus.PROPOSED})

# The case director edits a draft and proposes it; the process director adopts it or sends it back to draft;
# the case director withdraws it while it is open. Adopted and withdrawn are final.
PROPOSAL_TRANSITIONS = TransitionTable(
    transitions={
        ProposalStatus.DRAFT: frozenset({ProposalStatus.PROPOSED, ProposalStatus.WITHDRAWN}),
        ProposalStatus.PROPOSED: frozenset({ProposalStatus.DRAFT, ProposalStatus.ADOPTED,
                                            ProposalStatus.WITHDRAWN}),
        ProposalStatus.ADOPTED: frozenset(),
        ProposalStatus.WITHDRAWN: frozenset(),
    },
    label=lambda value: str(ProposalStatus(value).label),
)
