"""Domain events: a service announces what it changed, and the apps that keep something derived from it
subscribe (in their `AppConfig.ready`), so a lower layer never imports a higher one.

Handlers run synchronously, in the publishing service's transaction: what they write commits or rolls
back with the change that caused it. Subscribers: the dashboard summary (`reporting`), which
marks the months a change counts in as stale, and the follow-through (`followup`: check-backs after a triage
decision, feedback at closure) and the after-care (`aftercare`: a timeline for an intake with a release date).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar


@dataclass(frozen=True)
class CaseFiguresChanged:
    """Every past month that counts this case may change (a status change, an adoption, a deletion).
    Published *before* the change, so the subscriber still sees the months the case counted in."""

    case_id: int


@dataclass(frozen=True)
class MonthFiguresChanged:
    """The figures of these months of a house change (e.g. an agreement's deadline moved or was kept)."""

    house_id: int
    months: tuple[dt.date, ...]

    @classmethod
    def of(cls, *, house_id: int, days: Iterable[dt.date | None]) -> MonthFiguresChanged:
        return cls(house_id=house_id, months=tuple(day for day in days if day is not None))


@dataclass(frozen=True)
class IntakeFiled:
    """An intake was filed, its persons recorded and its hit check run (published in the filing transaction).
    `release_date`: the expected release date of an after-care intake."""

    case_id: int
    house_id: int
    actor_id: int
    release_date: dt.date | None = None


@dataclass(frozen=True)
class PersonsAdded:
    """Persons were recorded in a case after its intake was filed (a group member added by name); published in
    the transaction that records them, so that what is kept per person (the peers' pseudonyms) is kept for them
    too."""

    case_id: int
    person_ids: tuple[int, ...]


@dataclass(frozen=True)
class TriageDecided:
    """The triage table decided on an intake (published in the decision's transaction). `check_back_date` is
    the date the decision set for checking that a routed or advised intake was picked up (None: the default)."""

    case_id: int
    decision_id: int
    outcome: str
    actor_id: int
    check_back_date: dt.date | None = None


@dataclass(frozen=True)
class AgreementGiven:
    """An agreement of a case's plan was given to an organisation (published in the creating transaction).
    `exceeds_mandate`: core staff said it goes beyond the limited mandate of the organisation's participant."""

    agreement_id: int
    case_id: int
    organisation_id: int
    actor_id: int
    source: str = ""
    exceeds_mandate: bool = False


@dataclass(frozen=True)
class CaseClosed:
    """A case was closed with an outcome (published in the closure's transaction)."""

    case_id: int
    closure_id: int
    actor_id: int


@dataclass(frozen=True)
class AgreementOverdue:
    """An open agreement passed its deadline and became late (published in the marking transaction)."""

    agreement_id: int
    case_id: int
    house_id: int


@dataclass(frozen=True)
class EscalationRaised:
    """An escalation was raised for a case (published in the raising transaction)."""

    escalation_id: int
    case_id: int
    house_id: int
    actor_id: int


@dataclass(frozen=True)
class TransferProposed:
    """A house proposed to transfer a case to another house (published in the proposing transaction)."""

    transfer_id: int
    case_reference: str
    from_house_id: int
    to_house_id: int


@dataclass(frozen=True)
class TransferAccepted:
    """The receiving house accepted a transfer (published in the accepting transaction)."""

    transfer_id: int
    case_reference: str
    from_house_id: int
    to_house_id: int


E = TypeVar("E")
_subscribers: dict[type, list[Callable[[Any], None]]] = defaultdict(list)


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Register a handler once (from `AppConfig.ready`); registering the same handler again is a no-op."""
    if handler not in _subscribers[event_type]:
        _subscribers[event_type].append(handler)


def publish(event: object) -> None:
    for handler in _subscribers.get(type(event), ()):
        handler(event)
