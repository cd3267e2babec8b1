"""Every form and serializer of the project gets the shared text limits: a new one that is built on
Django's or REST framework's base directly is caught here, before it accepts unbounded text."""

from __future__ import annotations

import importlib
import pkgutil

from django import forms
from rest_framework import serializers

import opencasus
from opencasus.core.api import serializers as core_serializers
from opencasus.core.forms import TextLimitsMixin


def _project_classes(base: type) -> list[type]:
    skip = (".tests", ".settings", ".migrations", ".management", ".wsgi")
    for module in pkgutil.walk_packages(opencasus.__path__, "opencasus."):
        if not any(part in module.name for part in skip):
            importlib.import_module(module.name)
    found, queue = [], list(base.__subclasses__())
    while queue:
        cls = queue.pop()
        queue.extend(cls.__subclasses__())
        if cls.__module__.startswith("opencasus.") and ".tests" not in cls.__module__:
            found.append(cls)
    return found


def test_every_form_has_the_text_limits() -> None:
    missing = [f"{c.__module__}.{c.__name__}" for c in _project_classes(forms.BaseForm)
               if not issubclass(c, TextLimitsMixin)]
    assert len(_project_classes(forms.BaseForm)) > 20, missing
    assert not missing, missing


def test_every_serializer_has_the_text_limits() -> None:
    bases = (core_serializers.Serializer, core_serializers.ModelSerializer)
    missing = [f"{c.__module__}.{c.__name__}" for c in _project_classes(serializers.Serializer)
               if c not in bases and not issubclass(c, bases)]
    assert len(_project_classes(serializers.Serializer)) > 50, missing
    assert not missing, missing
