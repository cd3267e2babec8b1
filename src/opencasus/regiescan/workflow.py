"""The statuses of a regie scan: a draft is answered and saved as often as needed; submitting it is final
(the next year's scan is a new one)."""

from __future__ import annotations

from opencasus.core.transitions import TransitionTable
from opencasus.regiescan.models import ScanStatus


def _label(status: str) -> str:
    return str(dict(ScanStatus.choices).get(status, status))


TABLE = TransitionTable({
    ScanStatus.DRAFT: frozenset({ScanStatus.SUBMITTED}),
    ScanStatus.SUBMITTED: frozenset(),
}, label=_label)
