"""The house a professional works in right now.

A professional with roles in more than one house chooses one in the page header (or "all my houses");
the choice lives in the session and every list page narrows to it through `current_house_id`. With a
single house there is nothing to choose: that house is the current one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from opencasus.access import roles
from opencasus.network.models import House

SESSION_KEY = "opencasus_house"
_CACHE_ATTR = "_opencasus_houses"


def user_houses(request: HttpRequest) -> list[House]:
    """The houses in which the signed-in user holds an active role, by name (once per request)."""
    cached: list[House] | None = getattr(request, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    user: Any = getattr(request, "user", None)
    houses: list[House] = []
    if user is not None and user.is_authenticated:
        ids = {g.house_id for g in roles.grants(user)}
        houses = list(House.objects.filter(pk__in=ids).order_by("name")) if ids else []
    setattr(request, _CACHE_ATTR, houses)
    return houses


def current_house(request: HttpRequest) -> House | None:
    """The chosen house, the only house, or None for "all my houses"."""
    houses = user_houses(request)
    if len(houses) == 1:
        return houses[0]
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return next((h for h in houses if h.pk == chosen), None)


def current_house_id(request: HttpRequest) -> int | None:
    house = current_house(request)
    return house.pk if house is not None else None


def choose_house(request: HttpRequest, house_id: int | None) -> House | None:
    """Remember `house_id` (one of the user's houses) or, with None, all houses. A house the user has no
    role in is refused with None and leaves the choice unchanged."""
    if house_id is None:
        request.session.pop(SESSION_KEY, None)
        return None
    house = next((h for h in user_houses(request) if h.pk == house_id), None)
    if house is not None:
        request.session[SESSION_KEY] = house.pk
    return house


def narrow_to_current_house(request: HttpRequest, queryset: Any, field: str = "house_id") -> Any:
    """A list's queryset narrowed to the current house (unchanged for "all my houses")."""
    house_id = current_house_id(request)
    return queryset if house_id is None else queryset.filter(**{field: house_id})
