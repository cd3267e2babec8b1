"""What the national programme (`Role.NATIONAL_OFFICER`) sees. Built on `opencasus.access.roles`; hidden = 404.

The national role's grant is recorded in a house (whose manager or functional administrator approves it,
four eyes, `network.grants`), but its scope is the whole country, and the house gives it nothing else:

- management information per safety region, aggregated over the region's houses and suppressed
  (`reporting.selectors.national`), never a house's own dashboard, a municipality, a name or a case;
- the escalations raised to the national level (`EscalationLevel.NATIONAL`): the question written for the
  national level, the region, the house, the partner organisation, dates, status, and the answer, which the
  national role records. Never the case (it answers 404, `access.policy` knows no national role), its
  reference, the agreement, the earlier levels' reasons and answers, or who raised it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import NATIONAL_ROLES
from opencasus.plans.models import Escalation
from opencasus.plans.vocabulary import EscalationLevel

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def is_national(actor: User) -> bool:
    """Whether the actor holds an active (approved) national grant."""
    return roles.has_role(actor, None, *NATIONAL_ROLES)


def national_check(*, actor: User) -> None:
    """404 for anyone without a national grant, as for a page that does not exist."""
    if not is_national(actor):
        raise Http404


def national_escalations(*, actor: User) -> QuerySet[Escalation]:
    """The escalations at the national level, for the national role; none for anyone else."""
    if not is_national(actor):
        return Escalation.objects.none()
    return Escalation.objects.filter(level=EscalationLevel.NATIONAL)


def may_answer_national(*, actor: User, escalation: Escalation) -> bool:
    """The national role answers an escalation at the national level, whatever house it comes from."""
    return escalation.level == EscalationLevel.NATIONAL and is_national(actor)
