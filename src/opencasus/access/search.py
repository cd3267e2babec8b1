"""Which cases a search may find. Core staff search every case of their houses (the search is how they find
a case before they know it); everyone else only the cases they already see (`policy.visible_cases`), by
person criteria only where they may see persons (participants)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from opencasus.access import policy, roles
from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Case
from opencasus.network.models import Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def searchable_cases(*, actor: User, by_person: bool) -> QuerySet[Case]:
    core_houses = roles.core_house_ids(actor)
    if core_houses and not roles.has_role(actor, None, Role.PARTNER_PROFESSIONAL):
        return Case.objects.filter(house_id__in=core_houses)
    minimum = CaseAccess.PARTICIPANT if by_person else CaseAccess.FILER
    visible = policy.visible_cases(actor=actor, minimum=minimum)
    if not core_houses:
        return visible
    return Case.objects.filter(Q(house_id__in=core_houses) | Q(pk__in=visible.order_by().values("pk")))
