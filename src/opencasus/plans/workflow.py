"""The explicit table of allowed agreement status changes: who may move which status to which.

Every status change goes through `plans.services.agreement_update` (pages and API alike) or the
reminder job (`plans.services.monitoring.mark_overdue`); both check this table. The owner reports
progress and "done"; the process director settles an agreement as not kept or cancelled (with a
reason) and re-opens one reported done too early; "late" follows from the deadline and is set by the
system only (the reminder job, and a deadline moved into the future turns late back into open).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from opencasus.plans.vocabulary import AgreementStatus


class Mover(enum.StrEnum):
    OWNER = "owner"  # the owner professional, or a participant on behalf of the owner organisation
    DIRECTOR = "director"  # a process director of the case's house
    SYSTEM = "system"  # the reminder job and the deadline rule; never a person's choice


S = AgreementStatus
OWNER, DIRECTOR, SYSTEM = Mover.OWNER, Mover.DIRECTOR, Mover.SYSTEM

TRANSITIONS: dict[str, dict[str, frozenset[Mover]]] = {
    S.OPEN: {S.DONE: frozenset({OWNER, DIRECTOR}), S.LATE: frozenset({SYSTEM}),
             S.NOT_KEPT: frozenset({DIRECTOR}), S.CANCELLED: frozenset({DIRECTOR})},
    S.LATE: {S.DONE: frozenset({OWNER, DIRECTOR}), S.OPEN: frozenset({SYSTEM}),
             S.NOT_KEPT: frozenset({DIRECTOR}), S.CANCELLED: frozenset({DIRECTOR})},
    S.DONE: {S.OPEN: frozenset({DIRECTOR})},  # re-opened: reported done too early
    S.NOT_KEPT: {},
    S.CANCELLED: {},
}

# A change to these statuses needs a reason (kept as a note on the agreement).
REASON_REQUIRED = frozenset({S.CANCELLED})

# Labels of the choice a person makes, by target status (the form's wording, not the status name).
ACTION_LABELS: dict[str, Any] = {
    S.DONE: _("Done"),
    S.OPEN: _("Re-open"),
    S.NOT_KEPT: _("Not kept"),
    S.CANCELLED: _("Cancel (give a reason)"),
}


def may_move(current: str, new: str, mover: Mover) -> bool:
    return mover in TRANSITIONS.get(current, {}).get(new, frozenset())


def targets(current: str, movers: Iterable[Mover]) -> list[str]:
    """The statuses these movers may give an agreement now, in the vocabulary's order."""
    movers = set(movers) - {SYSTEM}
    allowed = {new for new, who in TRANSITIONS.get(current, {}).items() if who & movers}
    return [value for value in S.values if value in allowed]


def someone_may(current: str, new: str) -> bool:
    """Whether any person (not the system) may make this change."""
    return bool(TRANSITIONS.get(current, {}).get(new, frozenset()) - {SYSTEM})


def reachable(current: str, movers: Iterable[Mover]) -> set[str]:
    """What one change by these movers, followed by the system's deadline rule, can lead to."""
    movers = set(movers)
    first = {current} | {new for new, who in TRANSITIONS.get(current, {}).items() if who & movers}
    result = set(first)
    for status in first:
        result |= {new for new, who in TRANSITIONS.get(status, {}).items() if SYSTEM in who}
    return result
