"""API plumbing for plans: optimistic locking (If-Match or version in the body → 409), id lookups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from opencasus.accounts.models import User
from opencasus.network.models import Organisation


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


def expected_version(request: Request, data: dict[str, Any]) -> int | None:
    """The version the client read: `If-Match: "3"` (or W/"3") or `version` in the body."""
    header = request.headers.get("If-Match", "").strip()
    if header and header != "*":
        value = header.removeprefix("W/").strip('"')
        if not value.isdigit():
            raise exceptions.ValidationError({"If-Match": [_("Send the version number you read.")]})
        return int(value)
    version = data.get("version")
    return int(version) if version is not None else None


def call(fn: Callable[[], Any]) -> Any:
    """Run a service; a stale version answers 409 problem+json, other validation errors 400."""
    try:
        return fn()
    except ValidationError as exc:
        if getattr(exc, "code", None) == "conflict":
            raise Conflict(exc.messages[0], code="conflict") from exc
        raise


def with_etag(response: Response, version: int) -> Response:
    response["ETag"] = f'"{version}"'
    return response


def organisation(pk: int | None, field: str) -> Organisation | None:
    if pk is None:
        return None
    found = Organisation.objects.filter(pk=pk).first()
    if found is None:
        raise exceptions.ValidationError({field: [_("Unknown organisation.")]})
    return found


def user(pk: int | None, field: str) -> User | None:
    if pk is None:
        return None
    found = User.objects.filter(pk=pk, is_active=True).first()
    if found is None:
        raise exceptions.ValidationError({field: [_("Unknown professional.")]})
    return found
