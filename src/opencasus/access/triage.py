"""Who sees the triage queue (weegoverleg): core staff (process director, secretary) of the house. A house
where the actor is not core staff answers 404, as a missing one; the cases themselves are opened through
`opencasus.access.policy`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import House

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def sees_triage(actor: User) -> bool:
    return bool(roles.core_house_ids(actor))


def triage_houses(*, actor: User) -> QuerySet[House]:
    return House.objects.filter(pk__in=roles.core_house_ids(actor)).order_by("name")


def queue_house_ids(*, actor: User, house_id: int | None = None) -> set[int]:
    """The houses whose queue the actor sees; with `house_id` only that one (404 when not theirs)."""
    house_ids = roles.core_house_ids(actor)
    if house_id is None:
        return house_ids
    if house_id not in house_ids:
        raise Http404
    return {house_id}
