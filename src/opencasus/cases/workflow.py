"""The explicit table of allowed case status transitions (after Signalen's workflow).

A status change goes through `cases.services.case_transition`, which locks the row
(`select_for_update`), checks this table and records who, when and why.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_TRIAGE = "in_triage", _("In triage")
    ADMITTED = "admitted", _("Admitted to a case conference")
    ADVICE_GIVEN = "advice_given", _("Advice given")
    ROUTED = "routed", _("Routed elsewhere")
    DECLINED = "declined", _("Declined")
    CLOSED = "closed", _("Closed")


TRANSITIONS: dict[str, frozenset[str]] = {
    Status.SUBMITTED: frozenset({Status.IN_TRIAGE}),
    Status.IN_TRIAGE: frozenset({Status.ADMITTED, Status.ADVICE_GIVEN, Status.ROUTED, Status.DECLINED}),
    Status.ADMITTED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset({Status.ADMITTED}),  # re-opening, with a reason
    Status.ADVICE_GIVEN: frozenset(),
    Status.ROUTED: frozenset(),
    Status.DECLINED: frozenset(),
}

# Statuses in which a case counts as running for the hit check ("one person, one track").
ACTIVE_STATUSES = frozenset({Status.SUBMITTED, Status.IN_TRIAGE, Status.ADMITTED})
# Statuses in which named participants may see the case (purpose fixed at admission).
SHARED_STATUSES = frozenset({Status.ADMITTED, Status.CLOSED})
TRIAGE_OUTCOMES = frozenset({Status.ADMITTED, Status.ADVICE_GIVEN, Status.ROUTED, Status.DECLINED})


def can_transition(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, frozenset())
