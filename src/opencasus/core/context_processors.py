from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from opencasus.core.start import nav_links

# Menu items shown in the bar after "Start"; the rest go under "More" so the bar stays one row wide at 1280 px.
PRIMARY_NAV_ITEMS = 4


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    links = nav_links(user)
    path = request.path
    for link in links:
        link.current = link.url == path or (link.url != "/" and path.startswith(link.url))
    return {
        "nav_links": links,
        "nav_primary": links[:PRIMARY_NAV_ITEMS],
        "nav_more": links[PRIMARY_NAV_ITEMS:],
        "nav_more_current": any(link.current for link in links[PRIMARY_NAV_ITEMS:]),
    }
