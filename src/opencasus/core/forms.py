"""The base of every form: text fields refuse control characters and never go without a maximum
length, whole numbers stay within a database integer (see `opencasus.core.text`), and a bad value in a
hidden field is reported on the form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.utils.translation import gettext_lazy as _

from opencasus.core.text import (
    INTEGER_MAX,
    LONG_TEXT_MAX_LENGTH,
    SHORT_TEXT_MAX_LENGTH,
    refuse_control_characters,
    refuse_line_breaks,
)


def limit_text_field(field: forms.Field) -> None:
    """Give a text field the control-character check and, when it has none, a maximum length by kind:
    a text area holds free text with paragraphs, any other input a single line. A whole number stays
    within `INTEGER_MAX`."""
    if isinstance(field, forms.IntegerField) and field.max_value is None:
        field.max_value = INTEGER_MAX
        field.validators.append(MaxValueValidator(INTEGER_MAX))
    if not isinstance(field, forms.CharField):
        return
    if refuse_control_characters not in field.validators:
        field.validators.append(refuse_control_characters)
    single_line = not isinstance(field.widget, forms.Textarea) and not field.widget.is_hidden
    if single_line and refuse_line_breaks not in field.validators:
        field.validators.append(refuse_line_breaks)
    if field.max_length is None:
        limit = LONG_TEXT_MAX_LENGTH if isinstance(field.widget, forms.Textarea) else SHORT_TEXT_MAX_LENGTH
        field.max_length = limit
        field.validators.append(MaxLengthValidator(limit))
        if not field.widget.is_hidden:
            field.widget.attrs.setdefault("maxlength", str(limit))


class TextLimitsMixin:
    """Put first in the bases of a form: applies `limit_text_field` to each of its fields."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_text_fields()

    def limit_text_fields(self) -> None:
        for field in self.fields.values():
            limit_text_field(field)

    def full_clean(self) -> None:
        self.limit_text_fields()  # again: a form may add fields after `__init__`
        super().full_clean()  # type: ignore[misc]
        # A hidden field (a version) shows no message of its own: say on the form that it was tampered with.
        errors: Any = getattr(self, "_errors", None)
        if errors and any(name in errors for name, f in self.fields.items() if f.widget.is_hidden):
            self.add_error(None, _("This form was changed outside the page; reload the page and try again."))  # type: ignore[attr-defined]


class Form(TextLimitsMixin, forms.Form):
    pass


class ModelForm(TextLimitsMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass
