"""Forms that fit the task, without JavaScript first (`static/opencasus/forms.js` only enhances them).

- Formset rows: a submit button named `<prefix>-add` adds an empty row, one named `<prefix>-remove`
  with the row's index as its value removes that row. The server answers such a post by showing the
  form again with the rows changed and no errors (`row_action`, `quiet`); the script does the same in
  the page without a reload.
- Options that belong to a group (a professional to an organisation) carry `data-oc-group`; with
  `data-oc-filter-by="<field name>"` on the widget the script shows only the chosen group's options.
- A part of a form marked `data-oc-show-when="<field name>=<value>|<value>"` (or just the name of a
  checkbox) is shown only while that field has one of those values; without the script all is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.utils.translation import gettext as _


@dataclass
class RowAction:
    data: QueryDict  # the posted data with the row added or removed (unchanged when refused)
    error: str = ""  # a refused row action (a forged count or index): show the form again with this message


def row_action(data: QueryDict, prefix: str, *, max_rows: int = 50) -> RowAction | None:
    """The post as a formset row action, or None when it is none (a real submit)."""
    add, remove = f"{prefix}-add" in data, f"{prefix}-remove" in data
    if not add and not remove:
        return None
    refused = RowAction(data.copy(), str(_("This form was changed outside the page; reload the page and try "
                                           "again.")))
    total_key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(total_key, ""))
    except ValueError:
        return refused
    if not 0 <= total <= max_rows:
        return refused
    changed = data.copy()
    if add:
        if total >= max_rows:
            return refused
        changed[total_key] = str(total + 1)
        return RowAction(changed)
    try:
        index = int(data.get(f"{prefix}-remove", ""))
    except ValueError:
        return refused
    if not 0 <= index < total:
        return refused
    for i in range(index, total):
        old, new = f"{prefix}-{i + 1}-", f"{prefix}-{i}-"
        for key in [k for k in changed if k.startswith(new)]:
            del changed[key]
        for key in [k for k in data if k.startswith(old)]:
            changed.setlist(new + key[len(old):], data.getlist(key))
    changed[total_key] = str(total - 1)
    initial_key = f"{prefix}-INITIAL_FORMS"
    try:
        changed[initial_key] = str(min(int(changed.get(initial_key) or 0), total - 1))
    except ValueError:
        return refused
    return RowAction(changed)


def quiet(*forms_or_formsets: Any) -> None:
    """Show bound forms without validating them (after adding or removing a row nothing was submitted)."""
    for item in forms_or_formsets:
        if isinstance(item, forms.BaseFormSet):
            formset: Any = item
            formset._errors = []
            formset._non_form_errors = formset.error_class(error_class="nonform")
            for form in item.forms:
                form._errors = ErrorDict()
        else:
            item._errors = ErrorDict()


class GroupedOptionsMixin:
    """A choice widget whose options carry the group they belong to (`data-oc-group`)."""

    groups: Mapping[str, str]

    def __init__(self, *args: Any, groups: Mapping[str, str] | None = None, filter_by: str = "",
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups = dict(groups or {})
        if filter_by:
            self.attrs["data-oc-filter-by"] = filter_by  # type: ignore[attr-defined]

    def create_option(self, name: str, value: Any, label: Any, selected: Any, index: int, subindex: int | None = None,
                      attrs: dict[str, Any] | None = None) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(  # type: ignore[misc]
            name, value, label, selected, index, subindex=subindex, attrs=attrs)
        group = self.groups.get(str(value))
        if group is not None:
            option["attrs"]["data-oc-group"] = group
        return option


# Named as Django's own classes: templates and styling go by the widget type (the class name).
class Select(GroupedOptionsMixin, forms.Select):
    pass


class CheckboxSelectMultiple(GroupedOptionsMixin, forms.CheckboxSelectMultiple):
    pass


GroupedSelect = Select
GroupedCheckboxSelectMultiple = CheckboxSelectMultiple


def group_by(pairs: Iterable[tuple[Any, Any]]) -> dict[str, str]:
    """{option value: group} from (value, group) pairs, both as text."""
    return {str(value): str(group) for value, group in pairs}
