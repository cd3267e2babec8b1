"""Template helpers of the page components (see docs/development.md, "Page components").

`{% load oc %}`: `{% status_badge label tone %}`, `{{ date|long_date }}` ("3 december 2026"),
`{{ date|short_date }}` ("di 8 dec."), `{{ moment|date_time }}` ("3 december 2026, 14:05"),
`{% elided_pages page_obj as pages %}`, `{{ code|role_label }}`, `{{ code|activity_label }}`
(names registered in `opencasus.core.labels`).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.html import format_html
from django.utils.safestring import SafeString

from opencasus.core import dates, labels

register = template.Library()

TONES = {"neutral", "success", "warning", "danger", "inactive", "active", "error", "valid", "invalid", "safe"}


@register.simple_tag
def status_badge(label: Any, tone: str = "neutral") -> SafeString:
    """An NL Design System status badge; tone: neutral, success, warning, danger or inactive."""
    tone = tone if tone in TONES else "neutral"
    return format_html('<span class="utrecht-status-badge utrecht-status-badge--{}">{}</span>', tone, label)


@register.filter
def long_date(value: Any) -> str:
    return dates.long_date(value)


@register.filter
def short_date(value: Any) -> str:
    return dates.short_date(value)


@register.filter
def date_time(value: Any) -> str:
    return dates.date_time(value)


@register.simple_tag
def elided_pages(page_obj: Page[Any]) -> list[Any]:
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))



@register.filter
def role_label(value: Any) -> str:
    return labels.label("role", value)


@register.filter
def activity_label(value: Any) -> str:
    return labels.label("activity", value)
