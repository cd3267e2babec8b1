"""Conditions an approach sets before a plan may be adopted, without plans importing the approach.

An app above plans (e.g. `childtrack`, the Kindspoor) registers a gate from its `AppConfig.ready`:
a function that takes the case and answers the reasons adoption must wait (Dutch, translated), or an
empty list. `plan_adopt` refuses while any gate answers a reason; the plan pages show the reasons.
A gate reads records about the case only to decide; it logs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from opencasus.cases.models import Case

Gate = Callable[["Case"], list[str]]
_gates: list[Gate] = []


def register_adoption_gate(gate: Gate) -> None:
    """Register a gate once; registering the same gate again is a no-op."""
    if gate not in _gates:
        _gates.append(gate)


def adoption_blockers(case: Case) -> list[str]:
    """Every reason the plan of `case` cannot be adopted yet (empty: nothing stands in the way)."""
    reasons: list[str] = []
    for gate in _gates:
        reasons.extend(gate(case))
    return reasons


def check_adoption_gates(case: Case) -> None:
    reasons = adoption_blockers(case)
    if reasons:
        raise ValidationError(" ".join(reasons), code="adoption_blocked")
