"""Request parsers. Control characters are refused for every JSON body, before any field sees it (see
`opencasus.core.text`): a lookup with one would otherwise fail as a server error. A JSON body nests at
most `MAX_JSON_DEPTH` levels (deeper nesting exhausted the parser's recursion: a server error) and is
at most `DATA_UPLOAD_MAX_MEMORY_SIZE` bytes (see `opencasus.core.api.limits`)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError, ValidationError

from opencasus.core.api.problems import RequestTooLarge
from opencasus.core.api.wire import JSONParserBase, MultiPartParserBase, api_name, snake_keys
from opencasus.core.text import CONTROL_CHARACTER_MESSAGE, CONTROL_CHARACTERS

MAX_JSON_DEPTH = 32


def _camel(key: str) -> str:
    return api_name(key)


def json_depth(value: Any) -> int:
    """How deep `value` nests (a scalar: 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            stack.extend((child, depth) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def control_character_paths(value: Any, prefix: str = "") -> list[str]:
    """The paths (camelCase, `persons.0.lastName`) of every string in `value` that holds a control character."""
    if isinstance(value, str):
        return [prefix or "body"] if CONTROL_CHARACTERS.search(value) else []
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            name = _camel(str(key))
            path = f"{prefix}.{name}" if prefix else name
            if CONTROL_CHARACTERS.search(str(key)):
                found.append(path)
            else:
                found.extend(control_character_paths(item, path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(control_character_paths(item, f"{prefix}.{index}" if prefix else str(index)))
    return found


class JSONParser(JSONParserBase):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge(_("The request body is larger than %(limit)s bytes.") % {"limit": limit})
        try:
            data = json.loads(raw.decode(encoding))
        except RecursionError as exc:
            raise ParseError(self._too_deep()) from exc
        except ValueError as exc:
            raise ParseError(_("The request body is not valid JSON.")) from exc
        if json_depth(data) > MAX_JSON_DEPTH:
            raise ParseError(self._too_deep())
        data = snake_keys(data)
        paths = control_character_paths(data)
        if paths:
            raise ValidationError({path: [str(CONTROL_CHARACTER_MESSAGE)] for path in paths})
        return data

    @staticmethod
    def _too_deep() -> str:
        return _("The request body nests deeper than %(depth)s levels.") % {"depth": MAX_JSON_DEPTH}


class MultiPartParser(MultiPartParserBase):
    """Uploads name their fields in camelCase like every JSON body (`sharingScope`, `houseId`); the plain
    parser left such a field unread, so its default applied without a word. Text fields are checked by
    the serializers (see `opencasus.core.api.serializers`)."""
