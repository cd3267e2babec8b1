from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from opencasus.access import privacy as privacy_access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors


def privacy_view(func: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, and privacy officer of the house in the URL; anyone else gets 404."""

    @login_required
    @wraps(func)
    def wrapper(request: AuthenticatedHttpRequest, house_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        house = privacy_access.privacy_house_get(actor=request.user, house_id=house_id)
        return func(request, house, *args, **kwargs)

    return wrapper


add_errors = apply_errors  # the pages of this app name it so
