"""Post-processing of the OpenAPI document so it meets the Dutch API Design Rules."""

from __future__ import annotations

from typing import Any

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
ERRORS = {
    "400": "Invalid input.",
    "401": "Not authenticated.",
    "403": "Not allowed.",
    "404": "Not found (also for records the caller may not see).",
    "409": "Conflict: the record was changed by someone else.",
    "429": "Too many requests.",
    "500": "Internal error.",
    "503": "Service temporarily unavailable.",
}
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
            for code, description in ERRORS.items():
                if code == "409" and method not in {"put", "patch", "post"}:
                    continue
                responses.setdefault(code, {
                    "description": description,
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                })
    return result
