"""The explicit table of allowed status changes of a meeting action, and who may make each.

The owner reports progress and "done"; the meeting's editors (who record the meeting) make every change,
including cancelling an action and re-opening one reported done too early. A cancelled action is final.
"Overdue" is not a status: an open or running action whose deadline has passed.
"""

from __future__ import annotations

from collections.abc import Iterable

from opencasus.core.transitions import TransitionTable
from opencasus.governance.models import ActionStatus, Mover

S = ActionStatus
OWNER, EDITOR = Mover.OWNER, Mover.EDITOR

MOVERS: dict[str, dict[str, frozenset[Mover]]] = {
    S.OPEN: {S.IN_PROGRESS: frozenset({OWNER, EDITOR}), S.DONE: frozenset({OWNER, EDITOR}),
             S.CANCELLED: frozenset({EDITOR})},
    S.IN_PROGRESS: {S.DONE: frozenset({OWNER, EDITOR}), S.CANCELLED: frozenset({EDITOR})},
    S.DONE: {S.OPEN: frozenset({EDITOR})},
    S.CANCELLED: {},
}

ACTION_TRANSITIONS = TransitionTable({status: frozenset(targets) for status, targets in MOVERS.items()},
                                     label=lambda status: str(ActionStatus(status).label))

ACTIVE_STATUSES = frozenset({S.OPEN, S.IN_PROGRESS})


def may_move(current: str, new: str, movers: Iterable[Mover]) -> bool:
    return bool(MOVERS.get(current, {}).get(new, frozenset()) & set(movers))


def targets(current: str, movers: Iterable[Mover]) -> list[str]:
    """The statuses these movers may give the action now, in the vocabulary's order."""
    movers = set(movers)
    allowed = {new for new, who in MOVERS.get(current, {}).items() if who & movers}
    return [value for value in S.values if value in allowed]
