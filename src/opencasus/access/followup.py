"""Who sees the follow-through records (`opencasus.followup`): queryset filters the selectors apply.

- Check-backs and monitoring periods are case work of the house: core staff (process director, secretary) of
  the case's house only.
- Closure feedback (reference, outcome, hand-over; no content): core staff of the house, the professional who
  filed the intake (while they still hold a role in the house for the filing organisation), and the
  municipality officers of the house for the case's municipality.
- Anonymous consultations: core staff of the house, and the professional who asked (while they still hold a
  role in the house for the asking organisation).

Everyone else sees nothing; a record outside these filters answers 404, exactly like a missing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from opencasus.access import roles
from opencasus.access.policy import FILING_ROLES
from opencasus.network.models import CORE_STAFF_ROLES, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

NOTHING = Q(pk__in=[])


def core_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)


def case_work_filter(actor: User) -> Q:
    """Check-backs and monitoring periods (both carry `house`)."""
    houses = core_house_ids(actor)
    return Q(house_id__in=houses) if houses else NOTHING


def closure_feedback_filter(actor: User) -> Q:
    q = case_work_filter(actor)
    for grant in roles.grants(actor):
        if grant.role in FILING_ROLES:
            q |= Q(house_id=grant.house_id, case__filed_by_id=actor.pk,
                   case__filed_by_organisation_id=grant.organisation_id)
        if grant.role == Role.MUNICIPALITY_OFFICER and grant.municipality_id:
            q |= Q(house_id=grant.house_id, municipality_id=grant.municipality_id)
    return q


def consultation_filter(actor: User) -> Q:
    q = case_work_filter(actor)
    for grant in roles.grants(actor):
        if grant.role in FILING_ROLES:
            q |= Q(house_id=grant.house_id, organisation_id=grant.organisation_id, asked_by_id=actor.pk)
    return q


def may_ask_consultation(actor: User, *, house_id: int, organisation_id: int) -> bool:
    """A partner professional or core staff member asks on behalf of an organisation they hold that role for."""
    return any(g.house_id == house_id and g.organisation_id == organisation_id and g.role in FILING_ROLES
               for g in roles.grants(actor))


def consultation_houses(actor: User) -> list[tuple[int, int]]:
    """(house id, organisation id) pairs the actor may ask a consultation for."""
    return sorted({(g.house_id, g.organisation_id) for g in roles.grants(actor) if g.role in FILING_ROLES})
