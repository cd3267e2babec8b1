"""The base of every form: text fields refuse control characters and never go without a maximum
length, whole numbers stay within a database integer (see `opencasus.core.text`), and a bad value in a
hidden field is reported on the form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
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
    if not isinstance(field, forms.CharField) or isinstance(field, forms.UUIDField):  # a UUID has its own length
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


# The NL Design System class of each kind of widget (by Django's widget type name).
WIDGET_CLASSES = {
    "textarea": "utrecht-textarea", "select": "utrecht-select", "selectmultiple": "utrecht-select",
    "nullbooleanselect": "utrecht-select",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}
NO_CLASS_WIDGETS = {"hidden", "multiplehidden"}


def style_widget(field: forms.Field) -> None:
    """Give the widget its NL Design System class (unless it has a component class already), and make a
    date field a date input that is filled in the ISO form the browser expects."""
    widget = field.widget
    if isinstance(field, forms.DateField) and isinstance(widget, forms.DateInput):
        if widget.input_type == "text":
            widget.input_type = "date"
        if widget.input_type == "date":
            widget.format = "%Y-%m-%d"
    name = "checkbox" if isinstance(widget, forms.CheckboxInput) else _widget_type(widget)  # a filter's flag too
    if name in NO_CLASS_WIDGETS:
        return
    css = widget.attrs.get("class", "")
    if "utrecht-" in css:
        return
    widget.attrs["class"] = f"{css} {WIDGET_CLASSES.get(name, 'utrecht-textbox utrecht-textbox--html-input')}".strip()


def _widget_type(widget: forms.Widget) -> str:
    # As BoundField.widget_type: the class name without "widget"/"input" at the end, lower case.
    return re.sub(r"widget$|input$", "", widget.__class__.__name__.lower())


class TextLimitsMixin:
    """Put first in the bases of a form: applies `limit_text_field` to each of its fields."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_text_fields()

    def limit_text_fields(self) -> None:
        for field in self.fields.values():
            limit_text_field(field)
            style_widget(field)

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


def apply_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: each message on its field where the form has that field,
    else on the form as a whole (the one home of this rule for every page)."""
    if hasattr(exc, "error_dict"):
        for name, messages in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, exc.messages)
