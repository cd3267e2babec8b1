"""Two houses for the security gates: the caller's own, and another one filled with every kind
of record the apps create (their demo loaders), whose ids the caller must never reach."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models

from opencasus.core.tests.urlwalk import Route
from opencasus.network.models import House


@dataclass
class World:
    own: House
    other: House
    unresolved: set[str] = field(default_factory=set)


def build_other_house() -> House:
    """The demo house with every app's demo records, plus an attachment."""
    from opencasus.cases.models import Attachment, Case
    from opencasus.network.demo import load_network
    from opencasus.network.management.commands.load_demo import demo_steps

    house, _logins = load_network()
    for step in demo_steps():
        step(house)
    case = Case.objects.filter(house=house).first()
    if case is not None and not Attachment.objects.filter(case=case).exists():
        Attachment.objects.create(case=case, file=ContentFile(b"vertrouwelijk", name="notitie.txt"),
                                  filename="notitie.txt", content_type="text/plain", size=13,
                                  uploaded_by=case.filed_by)
    return house


def _models() -> dict[str, type[models.Model]]:
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models():
        if model.__module__.startswith("opencasus."):
            found.setdefault(model.__name__.lower(), model)
    return found


def house_path(model: type[models.Model], depth: int = 3) -> str | None:
    """The lookup from a model to its house ("case__house"), if there is one."""
    if model is House:
        return "pk"
    if depth == 0:
        return None
    for f in model._meta.get_fields():
        if isinstance(f, models.ForeignKey) and f.related_model is House:
            return f.name
    for f in model._meta.get_fields():
        if isinstance(f, models.ForeignKey) and f.related_model is not None and f.related_model is not model:
            rest = house_path(f.related_model, depth - 1)  # type: ignore[arg-type]
            if rest and rest != "pk":
                return f"{f.name}__{rest}"
            if rest == "pk":
                return f.name
    return None


def is_object_param(name: str) -> bool:
    return name in {"pk", "id"} or name.endswith(("_id", "Id"))


def _model_for(route: Route, param: str) -> type[models.Model] | None:
    known = _models()
    if param in {"pk", "id"}:
        for token in reversed(route.name.split(":")[-1].split("-")):
            if token.replace("_", "") in known:
                return known[token.replace("_", "")]
        return None
    base = re.sub(r"(_id|Id)$", "", param)
    key = base.replace("_", "").lower()
    if key in known:
        return known[key]
    endings = [m for name, m in known.items() if name.endswith(key)]
    return endings[0] if len(endings) == 1 else None


def foreign_values(route: Route, world: World) -> dict[str, Any] | None:
    """Ids of the other house's records for the route's parameters (None if it has none to offer)."""
    values: dict[str, Any] = {}
    chosen: list[models.Model] = []
    for param in reversed(route.params):
        if not is_object_param(param):
            if param not in route.numeric:
                return None  # a code or a slug: not a record of a house
            values[param] = dt.date.today().year
            continue
        model = _model_for(route, param)
        if model is None:
            world.unresolved.add(f"{route.template}:{param}")
            return None
        obj: models.Model | None = None
        for previous in chosen:
            fk = next((f for f in previous._meta.get_fields()
                       if isinstance(f, models.ForeignKey) and f.related_model is model), None)
            if fk is not None:
                obj = getattr(previous, fk.name)
                break
        if obj is None:
            path = house_path(model)
            if path is None:
                world.unresolved.add(f"{route.template}:{param} ({model.__name__}: shared reference data)")
                return None
            obj = model._default_manager.filter(**{path: world.other.pk}).order_by("pk").first()
            if obj is None:
                world.unresolved.add(f"{route.template}:{param} (no {model.__name__} in the other house)")
                return None
        chosen.append(obj)
        values[param] = obj.pk
    return values
