"""Who acts as privacy officer (FG) where. The privacy officer's reads start from these houses; any other
house answers 404, as a missing one does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import House, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def is_privacy_officer(actor: User, house_id: int | None = None) -> bool:
    return roles.has_role(actor, house_id, Role.PRIVACY_OFFICER)


def privacy_houses(*, actor: User) -> QuerySet[House]:
    return House.objects.filter(pk__in=roles.house_ids_with_role(actor, Role.PRIVACY_OFFICER)).order_by("name")


def privacy_house_get(*, actor: User, house_id: int | str | None) -> House:
    """The house where the actor is privacy officer; 404 for anyone else, as for a missing house."""
    try:
        pk = int(house_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise Http404 from None
    house = privacy_houses(actor=actor).filter(pk=pk).first()
    if house is None:
        raise Http404
    return house
