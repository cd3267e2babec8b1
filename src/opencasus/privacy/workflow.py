"""The allowed status changes of a rights request (see `opencasus.core.transitions`).

An open request (received, in progress) may be updated while it stays open and be decided; a
decision (granted, partly granted, refused, withdrawn) is final: an objection is a new request.
"""

from __future__ import annotations

from opencasus.core.transitions import TransitionTable
from opencasus.privacy.models import RightsRequestStatus as S

_DECISIONS = frozenset({S.GRANTED, S.PARTLY_GRANTED, S.REFUSED, S.WITHDRAWN})

RIGHTS_REQUEST_TRANSITIONS = TransitionTable(
    transitions={
        S.RECEIVED: frozenset({S.RECEIVED, S.IN_PROGRESS}) | _DECISIONS,
        S.IN_PROGRESS: frozenset({S.IN_PROGRESS}) | _DECISIONS,
        S.GRANTED: frozenset(),
        S.PARTLY_GRANTED: frozenset(),
        S.REFUSED: frozenset(),
        S.WITHDRAWN: frozenset(),
    },
    label=lambda value: str(S(value).label),
)
