"""Limits and checks for text that people type, shared by every form and API body.

Free text gets a maximum length by kind: a name fits in 200 characters, a single line in 1,000, and
free text with paragraphs (reasons, minutes, notes) in 10,000. A field whose column or purpose asks
for less keeps its own, smaller maximum. Control characters are refused everywhere: PostgreSQL cannot
store NUL, and no field has a use for the others (an escape sequence in a name would be replayed into
every terminal and export that shows it). Tab, line feed and carriage return stay allowed: free text
has paragraphs.

Invisible format characters (Unicode category Cf: the right-to-left override U+202E, the zero-width
space U+200B, the byte-order mark U+FEFF, …) and the line and paragraph separators U+2028/U+2029 are
refused everywhere too: they make a name read differently from what is stored (a reversed file name,
two "identical" names that differ), break exports, and no field needs them. A single-line field (a
name, a line) refuses line breaks as well; free text keeps ordinary line breaks (\n, \r\n)."""

from __future__ import annotations

import re
import unicodedata
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


FORMAT_CHARACTER_MESSAGE = _(
    "Contains an invisible formatting character (such as a direction mark or a zero-width space); remove it.")
LINE_BREAK_MESSAGE = _("Contains a line break; this field holds a single line.")
LINE_SEPARATORS = frozenset("\u2028\u2029")
LINE_BREAKS = re.compile(r"[\n\r]")


def has_format_character(value: str) -> bool:
    """True when `value` holds a character of Unicode category Cf or a line/paragraph separator."""
    return any(char in LINE_SEPARATORS or unicodedata.category(char) == "Cf"
               for char in value if not char.isascii())


def refuse_control_characters(value: Any) -> None:
    """Field validator (forms and serializers): no control characters other than tab and line breaks,
    and no invisible format characters."""
    if not isinstance(value, str):
        return
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(CONTROL_CHARACTER_MESSAGE, code="control_character")
    if has_format_character(value):
        raise ValidationError(FORMAT_CHARACTER_MESSAGE, code="format_character")


def refuse_line_breaks(value: Any) -> None:
    """Field validator for single-line fields (names, lines): no line feed or carriage return."""
    if isinstance(value, str) and LINE_BREAKS.search(value):
        raise ValidationError(LINE_BREAK_MESSAGE, code="line_break")
