"""Explicit tables of allowed status changes (after Signalen's `workflow.py`), one per stateful thing.

A table names, for every status, the statuses it may move to. Services check the table before they
change a status (under a row lock) and refuse any other change with a `ValidationError` of code
`invalid_transition` (a conflict in the API: `opencasus.core.api.problems`). The tables live next to their
domain:

- cases: `cases/workflow.py` (its own module, the model for the rest)
- agreements: `plans/workflow.py` (also says who may make each change)
- escalations and plans: `plans/state_tables.py`
- meetings and minutes: `meetings/workflow.py`
- rights requests: `privacy/workflow.py`
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class TransitionTable:
    """`transitions[current]` is the set of statuses `current` may change into."""

    transitions: Mapping[str, frozenset[str]]
    label: Callable[[str], str] = str

    def __post_init__(self) -> None:
        unknown = {target for targets in self.transitions.values() for target in targets} - set(self.transitions)
        if unknown:
            raise ValueError(f"transition to statuses without a row: {sorted(unknown)}")

    @property
    def statuses(self) -> frozenset[str]:
        return frozenset(self.transitions)

    def allowed(self, current: str, new: str) -> bool:
        return new in self.transitions.get(current, frozenset())

    def targets(self, current: str) -> frozenset[str]:
        return self.transitions.get(current, frozenset())

    def check(self, current: str, new: str) -> None:
        """Refuse a change the table does not allow (a Dutch message naming both statuses)."""
        if not self.allowed(current, new):
            raise ValidationError(
                _("The status “%(current)s” cannot change into “%(new)s”.")
                % {"current": self.label(current), "new": self.label(new)},
                code="invalid_transition")
