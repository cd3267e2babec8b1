"""Who sees mandates and confirmations beyond a mandate, and who answers a confirmation.

- Mandates of a meeting: core staff of its house, and the professionals the meeting sees otherwise (their own
  agenda items), as the meeting itself (`opencasus.access.meetings`).
- A confirmation: core staff of the case's house; participants of the case; and the partner professionals of
  the organisation that must confirm, in that house with a covenant in force (they answer it). Everyone else:
  404, exactly like a missing one.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.access.information_requests import addressed_pairs
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.meetings.models import Confirmation

if TYPE_CHECKING:
    from opencasus.accounts.models import User


class ConfirmationAccess(IntEnum):
    NONE = 0
    PARTICIPANT = 1  # reads it with the case
    ORGANISATION = 2  # of the organisation that confirms: answers it
    CORE = 3  # core staff of the house: requests it


def _organisation_q(actor: User) -> Q | None:
    pairs = addressed_pairs(actor)
    if not pairs:
        return None
    q = Q(pk__in=[])
    for house_id, organisation_id in pairs:
        q |= Q(house_id=house_id, organisation_id=organisation_id)
    return q


def visible_confirmations(*, actor: User) -> QuerySet[Confirmation]:
    if not actor.is_authenticated:
        return Confirmation.objects.none()
    q = Q(house_id__in=roles.core_house_ids(actor)) | Q(
        case__in=visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).values("pk"))
    own = _organisation_q(actor)
    return Confirmation.objects.filter(q | own if own is not None else q)


def to_answer(*, actor: User) -> QuerySet[Confirmation]:
    """The confirmations the actor's organisations are asked for."""
    own = _organisation_q(actor) if actor.is_authenticated else None
    return Confirmation.objects.filter(own) if own is not None else Confirmation.objects.none()


def confirmation_access(*, actor: User, confirmation: Confirmation) -> ConfirmationAccess:
    if roles.is_core_staff(actor, confirmation.house_id):
        return ConfirmationAccess.CORE
    if (confirmation.house_id, confirmation.organisation_id) in addressed_pairs(actor):
        return ConfirmationAccess.ORGANISATION
    if visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).filter(pk=confirmation.case_id).exists():
        return ConfirmationAccess.PARTICIPANT
    return ConfirmationAccess.NONE


def confirmation_check(*, actor: User, confirmation: Confirmation | None,
                       minimum: ConfirmationAccess = ConfirmationAccess.PARTICIPANT) -> Confirmation:
    """404 for a confirmation the actor may not see (or act on at `minimum`), the same as for a missing one."""
    if confirmation is None or confirmation_access(actor=actor, confirmation=confirmation) < minimum:
        raise Http404
    return confirmation
