from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from opencasus.core.aggregates import Count
from opencasus.reporting.figures import cell_text

register = template.Library()


@register.filter
def cells(row: Any, table: Any) -> list[tuple[Any, Any]]:
    return list(zip(table.columns, row.values, strict=True))


@register.simple_tag
def cell(value: Any, kind: str = "count") -> str:
    """A table cell's text; suppressed and withheld values are marked for screen readers too."""
    text = cell_text(value, kind)
    if value is None or (isinstance(value, Count) and value.suppressed):
        return format_html('<span class="oc-badge" title="{}">{}</span>', _("suppressed: small number"), text)
    return text
