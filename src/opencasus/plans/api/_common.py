"""API plumbing for plans: id lookups (optimistic locking: `opencasus.core.api.versions`)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions

from opencasus.accounts.models import User
from opencasus.accounts.selectors import user_find
from opencasus.network.models import Organisation
from opencasus.network.selectors import organisation_find


def organisation(pk: int | None, field: str) -> Organisation | None:
    if pk is None:
        return None
    found = organisation_find(pk)
    if found is None:
        raise exceptions.ValidationError({field: [_("Unknown organisation.")]})
    return found


def user(pk: int | None, field: str) -> User | None:
    if pk is None:
        return None
    found = user_find(pk, active_only=True)
    if found is None:
        raise exceptions.ValidationError({field: [_("Unknown professional.")]})
    return found
