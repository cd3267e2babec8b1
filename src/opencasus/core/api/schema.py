"""Post-processing of the OpenAPI document so it meets the Dutch API Design Rules."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from opencasus.core.api.problems import PROBLEM_TYPES
from opencasus.core.api.versioning import api_version

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457).",
    "required": ["status", "title", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "code": {"type": "string"},
                               "reason": {"type": "string"}},
            },
        },
    },
}
# Every operation documents these answers; the write statuses only on writes.
DOCUMENTED = (400, 401, 403, 404, 429, 500, 503)
WRITE_DOCUMENTED = (HTTPStatus.CONFLICT, 413, 415, 428)
VERSION_HEADER = {
    "API-Version": {
        "description": "The full version of the API.",
        "schema": {"type": "string", "example": "1.0.0"},
    }
}


def adr_postprocess(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    result["components"].setdefault("headers", {})["API-Version"] = VERSION_HEADER["API-Version"]
    result["info"]["version"] = api_version()
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                if code.startswith(("2", "3")):
                    response.setdefault("headers", {}).update(
                        {"API-Version": {"$ref": "#/components/headers/API-Version"}})
                    response.setdefault("description", "")
            # A DELETE that takes the version read (If-Match) answers 409 and 428 as a write does.
            versioned = any(p.get("name") == "If-Match" for p in operation.get("parameters", []))
            writes = method in {"put", "patch", "post"} or versioned
            for status_code in DOCUMENTED + (WRITE_DOCUMENTED if writes else ()):
                responses.setdefault(str(int(status_code)), {
                    "description": PROBLEM_TYPES[status_code].described,
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                })
    return result
