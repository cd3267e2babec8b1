"""The API's wire format: names are lowerCamelCase in bodies, query parameters and error paths, snake_case
in Python. The only module that converts names (bodies in and out, the OpenAPI document, `invalidParams`
paths such as `persons.0.firstName`)."""

from __future__ import annotations

import re
from typing import Any

from djangorestframework_camel_case.parser import CamelCaseJSONParser, CamelCaseMultiPartParser
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from djangorestframework_camel_case.settings import api_settings
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel, underscoreize

NON_FIELD = "nonFieldErrors"
_INDEX = re.compile(r"\[(\d+)\]")
_UPPER = re.compile(r"(?<!^)(?=[A-Z])")

JSONParserBase = CamelCaseJSONParser
MultiPartParserBase = CamelCaseMultiPartParser


class JSONRenderer(CamelCaseJSONRenderer):
    """Responses in lowerCamelCase."""


def snake_keys(data: Any) -> Any:
    """A parsed body with its keys in snake_case, as serializers read them."""
    return underscoreize(data, **api_settings.JSON_UNDERSCOREIZE)


def python_name(name: str) -> str:
    """`caseId` → `case_id`: a wire name as Python spells it."""
    return _UPPER.sub("_", name).lower()


def api_name(path: str) -> str:
    """`persons[0].first_name` or `persons.0.first_name` → `persons.0.firstName`; `__all__` → nonFieldErrors."""
    path = _INDEX.sub(r".\1", str(path)).strip(".")
    parts = []
    for part in path.split("."):
        if part in {"__all__", "non_field_errors"}:
            part = NON_FIELD
        parts.append(re.sub(camelize_re, underscore_to_camel, part))
    return ".".join(parts) or NON_FIELD


def schema_field_names(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """The OpenAPI document's field names as the API sends them (drf-spectacular's hook for this)."""
    from drf_spectacular.contrib import djangorestframework_camel_case as spectacular

    document: dict[str, Any] = spectacular.camelize_serializer_fields(result, generator, request, public)
    return document
