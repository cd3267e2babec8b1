"""The hit check as the triage uses it: counts from the latest check for the queue, a fresh check at triage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Count

from opencasus.cases.hitcheck import Hit, hit_check
from opencasus.cases.models import Case, CaseHit

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def hit_counts(*, actor: User, cases: Iterable[Case]) -> dict[int, int]:
    """Hits of each case's latest hit check (run at filing and again at triage), without searching again.

    The caller has established that the actor is core staff of these cases' houses.
    """
    ids = [c.pk for c in cases]
    rows = CaseHit.objects.filter(case_id__in=ids).values("case_id").annotate(n=Count("id"))
    return {row["case_id"]: row["n"] for row in rows}


def check_again(*, actor: User, case: Case) -> list[Hit]:
    """Run the hit check again at triage (it records its own processing-log record)."""
    return hit_check(actor=actor, case=case)
