"""Advice to local administrators: lists per municipality, and the area cases advice may close."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.access.reporting import Scope, municipality_scope
from opencasus.cases.models import Case
from opencasus.cases.vocabulary import SubjectType
from opencasus.reporting.models import Advice
from opencasus.reporting.selectors.period import Period

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def advice_in_scope(scope: Scope, period: Period | None = None) -> QuerySet[Advice]:
    qs = Advice.objects.filter(house_id__in=scope.sorted_house_ids).select_related(
        "municipality", "target_group", "given_by", "house")
    if scope.municipality_id is not None:
        qs = qs.filter(municipality_id=scope.municipality_id)
    if period is not None:
        qs = qs.filter(given_at__gte=period.start, given_at__lt=period.end)
    return qs.order_by("-given_at", "-id")


def advice_list(*, actor: User, municipality_code: str, period: Period | None = None) -> tuple[Scope, QuerySet[Advice]]:
    """The advice given to one municipality, within the houses the actor may report on (404 if none)."""
    scope = municipality_scope(actor=actor, code=municipality_code)
    return scope, advice_in_scope(scope, period)


def area_cases_for_advice(*, actor: User, house_id: int) -> QuerySet[Case]:
    """Area and theme cases of the house that core staff may close with advice."""
    return (visible_cases(actor=actor, minimum=CaseAccess.CORE)
            .filter(house_id=house_id, subject_type=SubjectType.AREA)
            .select_related("municipality", "target_group").order_by("-filed_at"))
