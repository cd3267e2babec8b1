"""Start-page sections per role. Each app adds its sections by registering a provider here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Link:
    label: str
    url: str
    current: bool = False


@dataclass
class Count:
    """One figure of the work inbox, linking to the filtered list behind it."""

    label: str
    value: object  # a number, or a suppressed management-information count (`core.aggregates.Count`)
    url: str = ""
    trend: str = ""  # e.g. "vorig jaar 12"


@dataclass
class Section:
    title: str
    links: list[Link] = field(default_factory=list)
    text: str = ""
    order: int = 100
    counts: list[Count] = field(default_factory=list)
    anchor: str = ""


Provider = Callable[[Any], list[Section]]
_providers: list[Provider] = []


@dataclass(frozen=True)
class NavItem:
    label: Any  # lazy translation
    url_name: str
    visible: Callable[[Any], bool]
    order: int = 100


_nav: list[NavItem] = []


def register_nav(item: NavItem) -> NavItem:
    """Apps add their top-menu links here (from their AppConfig.ready)."""
    if item not in _nav:
        _nav.append(item)
    return item


def nav_links(user: Any) -> list[Link]:
    from django.urls import reverse

    return [Link(str(i.label), reverse(i.url_name)) for i in sorted(_nav, key=lambda i: i.order) if i.visible(user)]


def register(provider: Provider) -> Provider:
    _providers.append(provider)
    return provider


def start_sections(user: Any) -> list[Section]:
    sections: list[Section] = []
    for provider in _providers:
        sections.extend(provider(user))
    return sorted(sections, key=lambda s: s.order)
