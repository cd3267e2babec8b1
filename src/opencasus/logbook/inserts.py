"""Inserting log rows: COPY on PostgreSQL, `bulk_create` elsewhere.

`QuerySet.bulk_create` prepares every value of every row through its field, and an `INSERT` of many
rows is composed client-side into one long statement; for the processing log, which every request
writes (a list page one row per person shown), that was the largest single cost of a request under
load. The log's columns are plain values, so on PostgreSQL the rows are streamed with `COPY … FROM
STDIN` (psycopg's copy API), after their ids are taken from the table's sequence in one statement
(ids ascend with the order of the rows, as the sequence numbers of a chain do). Other databases use
`bulk_create`. The hash chain is computed before the insert and does not depend on the ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db import connection, models

M = TypeVar("M", bound=models.Model)


class _Statement:
    def __init__(self, model: type[models.Model]) -> None:
        meta = model._meta
        self.generated_pk = isinstance(meta.pk, models.AutoField)
        fields = [f for f in meta.concrete_fields if not (self.generated_pk and f is meta.pk)]
        self.attnames = [f.attname for f in fields]
        columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
        table = connection.ops.quote_name(meta.db_table)
        self.copy = f"COPY {table} ({columns}) FROM STDIN"
        self.next_ids = ""
        if self.generated_pk:
            assert meta.pk is not None
            pk_column = connection.ops.quote_name(str(meta.pk.column))
            self.next_ids = (f"SELECT nextval(pg_get_serial_sequence('{table}', '{meta.pk.column}')) "  # noqa: S608
                             "FROM generate_series(1, %s)")
            self.copy = f"COPY {table} ({pk_column}, {columns}) FROM STDIN"


_statements: dict[type[models.Model], _Statement] = {}
# Called with (COPY statement, rows) before each COPY: the benchmark's database floor replays them.
copy_observers: list[Callable[[str, list[tuple[Any, ...]]], None]] = []


def _statement(model: type[models.Model]) -> _Statement:
    cached = _statements.get(model)
    if cached is None:
        cached = _statements[model] = _Statement(model)
    return cached


def insert_rows(model: type[M], objs: Sequence[M]) -> None:
    """Insert `objs` (new instances of a log model); sets their primary keys when generated."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs)
        return
    statement = _statement(model)
    with connection.cursor() as cursor:
        if statement.generated_pk:
            cursor.execute(statement.next_ids, [len(objs)])
            for obj, pk in zip(objs, sorted(pk for (pk,) in cursor.fetchall()), strict=True):
                obj.pk = pk
            rows = [(obj.pk, *(getattr(obj, name) for name in statement.attnames)) for obj in objs]
        else:
            rows = [tuple(getattr(obj, name) for name in statement.attnames) for obj in objs]
        for observer in copy_observers:
            observer(statement.copy, rows)
        with cursor.cursor.copy(statement.copy) as copy:
            for row in rows:
                copy.write_row(row)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
