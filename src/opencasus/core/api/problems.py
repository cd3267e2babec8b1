"""The API's one error contract: RFC 9457 problem details (application/problem+json), as the API Design
Rules ask.

This module is the only place that decides which status and problem type an error answers and how a
field is named in `invalidParams` (lowerCamelCase, nested paths as `persons.0.firstName`). Services raise
domain errors (`django.core.exceptions.ValidationError`, with `code="conflict"` for a stale version and
`code="invalid_transition"` for a step the workflow forbids; `Http404`; `PermissionDenied`); API views
let them through. Pages use `domain_error_status` for the status of a form that a service refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from rest_framework import exceptions
from rest_framework.response import Response

from opencasus.core.api.wire import NON_FIELD, api_name
from opencasus.core.versions import VERSION_REQUIRED

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://opencasus.invalid/problems/"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    title: str  # an English msgid; the response carries its translation
    described: str  # how the OpenAPI document describes the answer


PROBLEM_TYPES: dict[int, ProblemType] = {
    400: ProblemType("invalid", gettext_noop("Invalid input."), "Invalid input (see invalidParams)."),
    401: ProblemType("not-authenticated", gettext_noop("Not signed in."), "Not authenticated."),
    403: ProblemType("forbidden", gettext_noop("No access."), "Not allowed."),
    404: ProblemType("not-found", gettext_noop("Not found."),
                     "Not found (also for records the caller may not see)."),
    405: ProblemType("method-not-allowed", gettext_noop("Method not allowed."), "Method not allowed."),
    406: ProblemType("not-acceptable", gettext_noop("Not acceptable."), "Not acceptable."),
    HTTPStatus.CONFLICT: ProblemType("conflict", gettext_noop("Conflict."),
                                     "Conflict: the record was changed by someone else (a stale version), or "
                                     "the step is not allowed in the record's current state."),
    413: ProblemType("request-too-large", gettext_noop("Request too large."), "The request body is too large."),
    415: ProblemType("unsupported-media-type", gettext_noop("Unsupported media type."), "Unsupported media type."),
    428: ProblemType("precondition-required", gettext_noop("Precondition required."),
                     "The version read is missing: send If-Match or `version` in the body."),
    429: ProblemType("too-many-requests", gettext_noop("Too many requests."), "Too many requests."),
    500: ProblemType("internal-error", gettext_noop("Internal error."), "Internal error."),
    503: ProblemType("service-unavailable", gettext_noop("Service temporarily unavailable."),
                     "Service temporarily unavailable."),
}
# Problem types that refine a status: the workflow refuses a step (a conflict too).
INVALID_TRANSITION = "invalid-transition"
# Domain error codes (ValidationError.code) that answer 409 instead of 400.
CONFLICT_CODES = {"conflict": "conflict", "invalid_transition": INVALID_TRANSITION}


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = gettext_noop("Send the version you read: an If-Match header or version in the body.")
    default_code = "precondition_required"


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = gettext_noop("The request body is too large.")
    default_code = "request_too_large"


class Conflict(exceptions.APIException):
    status_code = HTTPStatus.CONFLICT
    default_detail = gettext_noop("Conflict.")
    default_code = "conflict"


def domain_error_status(exc: DjangoValidationError) -> int:
    """The status a service's refusal answers: 409 for a stale version or a forbidden step, 428 for a
    missing version, else 400."""
    code = None if hasattr(exc, "error_dict") else getattr(exc, "code", None)
    if code == VERSION_REQUIRED:
        return 428
    return int(HTTPStatus.CONFLICT) if code in CONFLICT_CODES else 400


# --- invalidParams, named as the API names fields (`opencasus.core.api.wire`) ------------------------------

def invalid_params(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """A REST framework error detail (nested dicts and lists) as a flat list of invalidParams."""
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            key = NON_FIELD if key in {"__all__", "non_field_errors"} and not prefix else key
            params.extend(invalid_params(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                params.extend(invalid_params(value, f"{prefix}.{index}" if prefix else str(index)))
            else:
                params.extend(invalid_params(value, prefix))
    else:
        params.append({"name": api_name(prefix) if prefix else NON_FIELD,
                       "code": str(getattr(detail, "code", None) or "invalid"), "reason": str(detail)})
    return params


# --- building problems -----------------------------------------------------------------------------------

def problem_body(status_code: int, detail: str, *, slug: str = "",
                 invalid: list[dict[str, str]] | None = None) -> dict[str, Any]:
    known = PROBLEM_TYPES.get(status_code) or PROBLEM_TYPES[500 if status_code >= 500 else 400]
    body: dict[str, Any] = {"type": PROBLEM_BASE + (slug or known.slug), "title": _(known.title),
                            "status": status_code, "detail": detail}
    if invalid:
        body["invalidParams"] = invalid
    return body


def problem_response(status_code: int, detail: str, *, slug: str = "", code: str = "",
                     invalid: list[dict[str, str]] | None = None) -> Response:
    """A problem inside REST framework (rendered by the API's renderer); `code` names a refined problem
    type (as `slug`)."""
    return Response(problem_body(status_code, detail, slug=slug or code, invalid=invalid), status=status_code,
                    content_type=PROBLEM_CONTENT_TYPE)


def problem_json(status_code: int, detail: str, *, slug: str = "",
                 invalid: list[dict[str, str]] | None = None) -> HttpResponse:
    """A problem outside REST framework (middleware, Django's error views)."""
    from opencasus.core.api.versioning import api_version

    response = JsonResponse(problem_body(status_code, detail, slug=slug, invalid=invalid), status=status_code,
                            content_type=PROBLEM_CONTENT_TYPE)
    response["API-Version"] = api_version()
    return response


def _as_api_exception(exc: Exception) -> Exception:
    """Domain and Django errors as the REST framework exception of their status."""
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError({key: [str(m) for m in errors] for key, errors
                                               in exc.message_dict.items()})
        if exc.code in CONFLICT_CODES:
            return Conflict(" ".join(exc.messages), code=CONFLICT_CODES[exc.code])
        if exc.code == VERSION_REQUIRED:
            return PreconditionRequired(" ".join(exc.messages))
        return exceptions.ValidationError({NON_FIELD: exc.messages})
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    from rest_framework.views import exception_handler  # the views module reads the settings that name us

    exc = _as_api_exception(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        problem = problem_response(400, _("The request contains invalid input: see invalidParams."),
                                   invalid=invalid_params(exc.detail))
    elif isinstance(exc, exceptions.ParseError):
        problem = problem_response(400, _("The request body cannot be read."),
                                   invalid=[{"name": "body", "code": "parse_error", "reason": _(str(exc.detail))}])
    else:
        detail = getattr(exc, "detail", None)
        text = _(str(detail)) if detail is not None else _(PROBLEM_TYPES.get(response.status_code,
                                                                             PROBLEM_TYPES[500]).title)
        slug = INVALID_TRANSITION if getattr(detail, "code", "") == INVALID_TRANSITION else ""
        problem = problem_response(response.status_code, text, slug=slug)
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            problem[header] = response[header]
    return problem
