"""Optimistic locking in the API. A versioned resource answers its version as an ETag (`"3"`); every
update must name the version the client read, in `If-Match` or as `version` in the body (If-Match wins).
A missing version answers 428; a stale one is refused by the service (`code="conflict"`) and answers a
conflict (see `opencasus.core.api.problems`), whichever way it was sent (the comparison happens in the
service, under the row lock)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from opencasus.core.api.problems import PreconditionRequired

IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description='The version you read, as its ETag (e.g. "3"); or send `version` in the body. One of the two '
                "is required: without it the answer is 428.")


def optional_version(request: Request, data: Mapping[str, Any] | None = None, *,
                     field: str = "version") -> int | None:
    """The version the client read: `If-Match: "3"` (or W/"3") or `version` in the body; None without (for a
    write that may create the record: the service refuses a change without it, `version_required`)."""
    header = request.headers.get("If-Match", "").strip()
    if header and header != "*":
        value = header.removeprefix("W/").strip('"')
        if not value.isdigit():
            raise exceptions.ValidationError({"If-Match": [_("Send the version number you read.")]})
        return int(value)
    version = (data or {}).get(field)
    return None if version is None else int(version)


def required_version(request: Request, data: Mapping[str, Any] | None = None, *, field: str = "version") -> int:
    """The version the client read; 428 problem+json without it."""
    version = optional_version(request, data, field=field)
    if version is None:
        raise PreconditionRequired()
    return version


def with_etag(response: Response, version: int) -> Response:
    response["ETag"] = f'"{version}"'
    return response
