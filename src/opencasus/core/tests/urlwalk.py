"""Every URL pattern of the project, found through the URL resolver, so the security gates
cover pages and endpoints as apps add them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

_ROUTE_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    template: str  # "/casussen/{case_id}"
    params: tuple[str, ...]
    name: str
    callback: Any
    numeric: frozenset[str] = frozenset()
    # Parameters of a project converter (e.g. funding's "huizen|gemeenten|regios"): a value it accepts.
    fixed: tuple[tuple[str, str], ...] = ()

    @property
    def is_api(self) -> bool:
        return self.template.startswith("/api/")

    @property
    def is_admin(self) -> bool:
        return self.template.startswith("/beheer/")

    def url(self, values: dict[str, Any]) -> str:
        return self.template.format(**{p: values[p] for p in self.params})

    def sample(self, number: Any = 1, text: str = "x") -> str:
        """The address with every parameter filled with a value its converter accepts."""
        fixed = dict(self.fixed)
        return self.url({p: fixed.get(p, number if p in self.numeric else text) for p in self.params})


def _numeric(pattern: Any) -> set[str]:
    if isinstance(pattern, RoutePattern):
        return {m.group(2) for m in _ROUTE_PARAM.finditer(str(pattern)) if m.group(1) == "int"}
    if isinstance(pattern, RegexPattern):
        return {m.group(1) for m in re.finditer(r"\(\?P<(\w+)>(\[0-9\]\+|\\d\+)\)", str(pattern))}
    return set()


def _fixed(pattern: Any) -> set[tuple[str, str]]:
    if not isinstance(pattern, RoutePattern):
        return set()
    return {(name, str(converter.regex).split("|")[0]) for name, converter in pattern.converters.items()
            if type(converter).__module__ != "django.urls.converters"}


def _piece(pattern: Any) -> str:
    if isinstance(pattern, RoutePattern):
        return _ROUTE_PARAM.sub(lambda m: "{" + m.group(2) + "}", str(pattern))
    if isinstance(pattern, RegexPattern):
        text = _REGEX_PARAM.sub(lambda m: "{" + m.group(1) + "}", str(pattern))
        return text.lstrip("^").rstrip("$").replace("\\.", ".").replace("\\Z", "")
    return str(pattern)


def _walk(patterns: list[Any], prefix: str, namespace: str, numeric: frozenset[str],
          fixed: frozenset[tuple[str, str]] = frozenset()) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + _piece(entry.pattern), ns,
                             numeric | _numeric(entry.pattern), fixed | _fixed(entry.pattern))
        elif isinstance(entry, URLPattern):
            template = "/" + prefix + _piece(entry.pattern)
            if any(ch in template for ch in "()[]*+?|\\"):
                continue  # a free-form regex (the admin's catch-alls): not an addressable page
            params = tuple(re.findall(r"\{(\w+)\}", template))
            yield Route(template, params, f"{namespace}{entry.name or ''}", entry.callback,
                        numeric | frozenset(_numeric(entry.pattern)), tuple(sorted(fixed | _fixed(entry.pattern))))


def routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "", "", frozenset()):
        seen.setdefault(route.template, route)
    return list(seen.values())


def object_routes() -> list[Route]:
    """Pages and endpoints that address a record by its id (the admin has its own scoping)."""
    return [r for r in routes() if r.params and not r.is_admin]
