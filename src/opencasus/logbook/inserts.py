"""Inserting log rows in one statement per table.

`QuerySet.bulk_create` prepares every value of every row through its field; for the processing
log, which every request writes (a list page one row per person shown), that preparation was
the largest single cost of a request under load. The log's columns are plain values, so on
PostgreSQL the rows go in as one array per column (`INSERT … SELECT * FROM unnest(…)`), with
the ids returned in insertion order. Other databases use `bulk_create`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import connection, models

M = TypeVar("M", bound=models.Model)

_statements: dict[type[models.Model], tuple[str, list[str]]] = {}


def _statement(model: type[models.Model]) -> tuple[str, list[str]]:
    cached = _statements.get(model)
    if cached is None:
        meta = model._meta
        fields = [f for f in meta.concrete_fields if not isinstance(f, models.AutoField)]
        columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
        arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fields)
        returning = f" RETURNING {connection.ops.quote_name(str(meta.pk.column))}" if isinstance(
            meta.pk, models.AutoField) else ""
        table = connection.ops.quote_name(meta.db_table)
        sql = f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays}){returning}"  # noqa: S608 - model names
        cached = (sql, [f.attname for f in fields])
        _statements[model] = cached
    return cached


def insert_rows(model: type[M], objs: Sequence[M]) -> None:
    """Insert `objs` (new instances of a log model); sets their primary keys when generated."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs)
        return
    sql, attnames = _statement(model)
    params: list[list[Any]] = [[getattr(obj, name) for obj in objs] for name in attnames]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if cursor.description is not None:
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
