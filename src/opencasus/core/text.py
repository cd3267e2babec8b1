"""Limits and checks for text that people type, shared by every form and API body.

Free text gets a maximum length by kind: a name fits in 200 characters, a single line in 1,000, and
free text with paragraphs (reasons, minutes, notes) in 10,000. A field whose column or purpose asks
for less keeps its own, smaller maximum. Control characters are refused everywhere: PostgreSQL cannot
store NUL, and no field has a use for the others (an escape sequence in a name would be replayed into
every terminal and export that shows it). Tab, line feed and carriage return stay allowed: free text
has paragraphs."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 200
SHORT_TEXT_MAX_LENGTH = 1_000
LONG_TEXT_MAX_LENGTH = 10_000
# Whole numbers (ids, versions, minutes) fit a PostgreSQL integer: a larger one would fail as a
# database error (or, on SQLite, as an overflow) instead of being refused.
INTEGER_MAX = 2_147_483_647

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_CHARACTER_MESSAGE = _(
    "Contains a control character; only letters, digits, punctuation and line breaks are allowed.")


def refuse_control_characters(value: Any) -> None:
    """Field validator (forms and serializers): no control characters other than tab and line breaks."""
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(CONTROL_CHARACTER_MESSAGE, code="control_character")
