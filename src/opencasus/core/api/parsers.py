"""Request parsers. Control characters are refused for every JSON body, before any field sees it (see
`opencasus.core.text`): a lookup with one would otherwise fail as a server error."""

from __future__ import annotations

import re
from typing import Any

from djangorestframework_camel_case.parser import CamelCaseJSONParser, CamelCaseMultiPartParser
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from rest_framework.exceptions import ValidationError

from opencasus.core.text import CONTROL_CHARACTER_MESSAGE, CONTROL_CHARACTERS


def _camel(key: str) -> str:
    return re.sub(camelize_re, underscore_to_camel, key)


def control_character_paths(value: Any, prefix: str = "") -> list[str]:
    """The paths (camelCase, `persons[0].lastName`) of every string in `value` that holds a control character."""
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
            found.extend(control_character_paths(item, f"{prefix}[{index}]" if prefix else f"[{index}]"))
    return found


class JSONParser(CamelCaseJSONParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        data = super().parse(stream, media_type, parser_context)
        paths = control_character_paths(data)
        if paths:
            raise ValidationError({path: [str(CONTROL_CHARACTER_MESSAGE)] for path in paths})
        return data


class MultiPartParser(CamelCaseMultiPartParser):
    """Uploads name their fields in camelCase like every JSON body (`sharingScope`, `houseId`); the plain
    parser left such a field unread, so its default applied without a word. Text fields are checked by
    the serializers (see `opencasus.core.api.serializers`)."""
