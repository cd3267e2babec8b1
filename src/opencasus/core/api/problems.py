"""Errors as RFC 9457 problem details (application/problem+json), as the API Design Rules ask."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer.",
    401: "Niet ingelogd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Niet aanvaardbaar.",
    409: "Conflict.",
    412: "Voorwaarde niet vervuld.",
    413: "Te groot.",
    415: "Mediatype niet ondersteund.",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
    503: "Dienst tijdelijk niet beschikbaar.",
}


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_flatten(value, name))
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                params.extend(_flatten(value, f"{prefix}[{index}]" if prefix else str(index)))
            else:
                params.append({"name": prefix or "nonFieldErrors", "code": getattr(value, "code", "invalid"),
                               "reason": str(value)})
    else:
        params.append({"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"),
                       "reason": str(detail)})
    return params


def problem_response(status_code: int, detail: str, *, title: str | None = None,
                     invalid_params: list[dict[str, str]] | None = None, code: str = "") -> Response:
    body: dict[str, Any] = {
        "type": f"https://opencasus.invalid/problems/{code or status_code}",
        "title": title or TITLES.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail,
    }
    if invalid_params:
        body["invalidParams"] = invalid_params
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        params = _flatten(exc.detail)
        detail = _("The request contains invalid input: see invalidParams.")
        problem = problem_response(status.HTTP_400_BAD_REQUEST, detail, invalid_params=params, code="invalid")
    else:
        detail_value = getattr(exc, "detail", str(exc))
        problem = problem_response(response.status_code, str(detail_value),
                                   code=getattr(detail_value, "code", "") or "")
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            problem[header] = response[header]
    return problem
