from __future__ import annotations

from typing import Any

from django import template

from opencasus.access.capacities import takes_part_in_cases
from opencasus.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: Any) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_count(actor=user)


@register.simple_tag(takes_context=True)
def searches_cases(context: Any) -> bool:
    """The header's case search, for who has cases to find."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and takes_part_in_cases(user)
