from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from opencasus.access import roles
from opencasus.core.start import nav_links


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_roles": roles.roles(user), "nav_links": nav_links(user)}
