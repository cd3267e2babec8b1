"""Refused attempts to open a case: noted where access is decided, written when the request ends.

`opencasus.access.policy.case_get` answers 404 for a case that is hidden from the user exactly as for
one that does not exist, and notes the attempt here (`note_refused`). The attempt is written after the
response, outside the request's transactions: a refusal raised inside an atomic service is rolled back
with it, and the record must survive that. Outside a request (a job, a command) it is written at once.

A table of its own rather than the processing log: nothing was processed (no personal data was read),
a case number that does not exist belongs to no house's chain, and the privacy officer must be able to
see attempts on missing numbers alongside hidden ones, which is what enumeration looks like.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from opencasus.core.middleware import current_context
from opencasus.logbook.models import RefusedAccess

if TYPE_CHECKING:
    from opencasus.accounts.models import User

_pending: ContextVar[list[RefusedAccess] | None] = ContextVar("opencasus_refused_access", default=None)


def note_refused(*, actor: User, case_id: int, house_id: int | None) -> None:
    """Note a refused attempt to open case `case_id` (`house_id` None: there is no such case)."""
    where = current_context()
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    record = RefusedAccess(
        at=timezone.now(), user_id=actor.pk if authenticated else None,
        username=actor.get_username() if authenticated else "", case_id=case_id, house_id=house_id,
        client_address=where.client_address[:45], trace_id=where.trace_id)
    pending = _pending.get()
    if pending is None:
        record.save()
    else:
        pending.append(record)


class RefusedAccessMiddleware:
    """Writes the refused attempts noted during a request once its response is ready."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _pending.set([])
        try:
            response = self.get_response(request)
            noted = _pending.get() or []
        finally:
            _pending.reset(token)
        if noted:
            with transaction.atomic():
                RefusedAccess.objects.bulk_create(noted)
        return response
