"""Readable names for code values, supplied by the app that owns the codes.

The `oc` template filters `role_label` and `activity_label` show these names; the app that defines the codes
registers its function from `AppConfig.ready()` (`register("role", role_label)`). An unregistered kind
shows the code itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Labeller = Callable[[Any], str]
_labellers: dict[str, Labeller] = {}


def register(kind: str, labeller: Labeller) -> Labeller:
    _labellers[kind] = labeller
    return labeller


def label(kind: str, code: Any) -> str:
    labeller = _labellers.get(kind)
    if labeller is not None:
        return labeller(code)
    return "" if not code else str(code)
