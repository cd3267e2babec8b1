from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from opencasus.access import roles
from opencasus.access.houses import current_house, user_houses


def houses(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's roles and houses for the page header (house switcher) and the start page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_roles": roles.roles(user),
        "user_houses": user_houses(request),
        "current_house": current_house(request),
    }
