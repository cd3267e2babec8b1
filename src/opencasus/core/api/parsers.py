"""Request parsers. Control characters are refused for every JSON body: PostgreSQL cannot store NUL,
no field has a use for the others (an escape sequence in a name would be replayed into every
terminal and export that shows it), and a lookup with one would otherwise fail as a server error.
Tab, line feed and carriage return stay allowed: free text has paragraphs."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from rest_framework.exceptions import ValidationError

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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
            message = _("Contains a control character; only letters, digits, punctuation and line breaks are allowed.")
            raise ValidationError({path: [message] for path in paths})
        return data
