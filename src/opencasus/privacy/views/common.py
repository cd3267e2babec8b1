from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse

from opencasus.access import privacy as privacy_access
from opencasus.accounts.typing import AuthenticatedHttpRequest


def privacy_view(func: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, and privacy officer of the house in the URL; anyone else gets 404."""

    @login_required
    @wraps(func)
    def wrapper(request: AuthenticatedHttpRequest, house_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        house = privacy_access.privacy_house_get(actor=request.user, house_id=house_id)
        return func(request, house, *args, **kwargs)

    return wrapper


def add_errors(form: Form, exc: ValidationError) -> None:
    """Put a service's validation errors on the form (field errors where the field exists)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)
