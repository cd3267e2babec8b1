"""Optimistic locking, the domain side: a change of a versioned record names the version it was based on.
A service refuses a stale one with `code="conflict"` and, where the caller must send it, a missing one
with `code="version_required"` (the API's statuses for both: `opencasus.core.api.problems`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

VERSION_REQUIRED = "version_required"


def version_missing() -> ValidationError:
    return ValidationError(_("The version you read is missing: read the record again (reload the page) and make "
                             "your change again."), code=VERSION_REQUIRED)
