"""Who sees, answers and continues which escalation. Built on `opencasus.access.roles` and
`opencasus.access.policy`; hidden = 404.

- Core staff (process director, secretary), house managers and steering-group members see the escalations
  of their houses; only core staff (and participants of the case, through the case) see their content
  (reason, response, agreement), the managers metadata only.
- Core staff record a response at every level; besides them the house manager answers a tactical
  escalation, the steering group (or the house manager) a strategic one.
- Core staff continue an open or answered escalation at the next level, up to national; a national
  escalation is answered by the national programme (`access.national`), which never sees the case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.access.national import may_answer_national
from opencasus.access.policy import CaseAccess, case_access, case_get
from opencasus.network.models import CORE_STAFF_ROLES, Role
from opencasus.plans.models import Escalation
from opencasus.plans.vocabulary import EscalationLevel, EscalationStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MANAGER_ROLES = (Role.HOUSE_MANAGER, Role.STEERING_GROUP_MEMBER)

# Who answers an escalation at each level, besides the house's core staff who record it.
RESPONDER_ROLES: dict[str, tuple[str, ...]] = {
    EscalationLevel.OPERATIONAL: (),
    EscalationLevel.TACTICAL: (Role.HOUSE_MANAGER,),
    EscalationLevel.STRATEGIC: (Role.STEERING_GROUP_MEMBER, Role.HOUSE_MANAGER),
    # Not bound to the case's house: the national grant counts in every house (`access.national`).
    EscalationLevel.NATIONAL: (Role.NATIONAL_OFFICER,),
}


def overview_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, *MANAGER_ROLES, *CORE_STAFF_ROLES)


def may_see_overview(actor: User) -> bool:
    return bool(overview_house_ids(actor))


def visible_escalations(*, actor: User) -> QuerySet[Escalation]:
    """Escalations of the houses where the actor is core staff, house manager or steering-group member."""
    return Escalation.objects.filter(case__house_id__in=overview_house_ids(actor))


def sees_content(actor: User, escalation: Escalation) -> bool:
    return roles.is_core_staff(actor, escalation.case.house_id)


def participant_check(*, actor: User, escalation: Escalation | None) -> Escalation:
    """An escalation outside the overview: seen with content by a participant of its case, else 404."""
    if escalation is None:
        raise Http404
    case_get(actor=actor, case_id=escalation.case_id, minimum=CaseAccess.PARTICIPANT)
    return escalation


def may_respond(*, actor: User, escalation: Escalation, house_id: int) -> bool:
    if roles.is_core_staff(actor, house_id):
        return True
    if may_answer_national(actor=actor, escalation=escalation):
        return True
    allowed = RESPONDER_ROLES.get(escalation.level, ())
    return bool(allowed) and roles.has_role(actor, house_id, *allowed)


def is_visible(*, actor: User, escalation: Escalation) -> bool:
    """Whether the actor sees the escalation at all (a manager of its house, or a participant of its case):
    a write by anyone else answers 404, as for a missing one."""
    case = escalation.case
    return roles.has_role(actor, case.house_id, *MANAGER_ROLES) or \
        may_answer_national(actor=actor, escalation=escalation) or \
        case_access(actor=actor, case=case) >= CaseAccess.PARTICIPANT


def responder_levels(actor: User) -> list[str]:
    """The levels at which the actor answers escalations of their houses by role (core staff aside; the national
    level has its own pages, `access.national`)."""
    return [level for level, allowed in RESPONDER_ROLES.items()
            if allowed and level != EscalationLevel.NATIONAL and roles.has_role(actor, None, *allowed)]


def can_escalate(actor: User, escalation: Escalation) -> bool:
    """Core staff of the house continue an open or answered escalation at the next level (up to national)."""
    return roles.is_core_staff(actor, escalation.case.house_id) and \
        escalation.status in (EscalationStatus.OPEN, EscalationStatus.ANSWERED) and \
        escalation.level != EscalationLevel.NATIONAL
