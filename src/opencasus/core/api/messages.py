"""Validation messages of Django REST framework that its Dutch catalogue leaves untranslated. Marked
here so the project's catalogue (which takes precedence: the project's apps come first in
INSTALLED_APPS) carries their Dutch; a caller never reads an English reason."""

from __future__ import annotations

from django.utils.translation import gettext_noop

MESSAGES = [
    gettext_noop("Not a valid string."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Must be a valid UUID."),
    gettext_noop("A valid biginteger is required."),
    gettext_noop("Invalid input."),
    gettext_noop("Datetime value out of range."),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Integer value too large to convert to float"),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_noop('Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'),
    gettext_noop("The number of days must be between {min_days} and {max_days}."),
]
