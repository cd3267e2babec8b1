"""Every FilterSet of the project keeps the filters of the FilterSets it extends.

django-filter copies a parent's `base_filters` when a subclass is defined; a filter added to the parent
afterwards (`Parent.base_filters["x"] = ...`, the way the API's camelCase names are declared) does not reach
a subclass defined earlier, and a list then fails on the parameter it documents (the steering meeting list
answered 500 on every request that way).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import django_filters

import opencasus
from opencasus.core.api.filters import FilterSet


def _filter_modules() -> None:
    for module in pkgutil.walk_packages(opencasus.__path__, "opencasus."):
        parts = module.name.split(".")
        if "tests" in parts or "migrations" in parts or "filters" not in parts[-1]:
            continue
        importlib.import_module(module.name)


def _project_filtersets(cls: Any) -> Iterator[Any]:
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("opencasus.") and ".tests." not in sub.__module__:
            yield sub
        yield from _project_filtersets(sub)


def test_filter_modules_are_found() -> None:
    _filter_modules()
    names = {cls.__name__ for cls in _project_filtersets(django_filters.FilterSet)}
    assert {"CaseFilter", "MeetingFilter", "ThemeFilter"} <= names


def test_a_filterset_keeps_every_filter_of_its_parents() -> None:
    _filter_modules()
    lacking = []
    for cls in set(_project_filtersets(django_filters.FilterSet)):
        parent: Any
        for parent in cls.__mro__[1:]:
            if not issubclass(parent, django_filters.FilterSet):
                continue
            if not parent.__module__.startswith("opencasus."):
                continue
            missing = sorted(set(parent.base_filters) - set(cls.base_filters))
            if missing:
                lacking.append(f"{cls.__module__}.{cls.__name__} lacks {missing} of {parent.__name__}")
    assert lacking == []


def test_a_filter_added_to_a_parent_after_a_subclass_is_caught() -> None:
    class Parent(FilterSet):
        pass

    class Child(Parent):
        pass

    Parent.base_filters["late"] = django_filters.NumberFilter()
    assert "late" not in Child.base_filters
