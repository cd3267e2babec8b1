"""Timing an operation through the real code path and the same SQL sent raw through psycopg.

The real path is called in-process (selectors, services, or a whole request through the Django
test client). While it runs once, every statement Django sends is captured with its parameters;
the database floor replays exactly those statements on a separate plain psycopg connection. The
ratio real/floor is what the Python side (ORM, access checks, templates, middleware) costs on top
of the database.

Operations that write run, on both sides, inside a transaction that is rolled back, so they can be
repeated and the floor can replay the same inserts; `committed=True` runs the real path for real.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg
from django.db import connection, transaction

# (SQL, parameters, executemany) or, for a COPY of log rows, (COPY statement, rows, COPY)
COPY = "copy"
Query = tuple[str, Any, bool | str]


class _RollbackError(Exception):
    pass


@dataclass
class Operation:
    name: str
    run: Callable[[], Any]
    writes: bool = False
    committed: bool = False
    floor: bool = True
    note: str = ""


@dataclass
class Result:
    name: str
    real: list[float]
    floor: list[float] = field(default_factory=list)
    queries: int = 0
    note: str = ""

    @staticmethod
    def _p(values: list[float], q: float) -> float:
        if not values:
            return float("nan")
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    @property
    def median(self) -> float:
        return statistics.median(self.real)

    @property
    def p95(self) -> float:
        return self._p(self.real, 0.95)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor) if self.floor else float("nan")

    @property
    def floor_p95(self) -> float:
        return self._p(self.floor, 0.95)

    @property
    def ratio(self) -> float:
        return self.median / self.floor_median if self.floor else float("nan")


@contextmanager
def _rolled_back() -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
            raise _RollbackError
    except _RollbackError:
        pass


def call(op: Operation) -> None:
    if op.writes and not op.committed:
        with _rolled_back():
            op.run()
    else:
        op.run()


def capture(op: Operation) -> list[Query]:
    """The statements (with parameters) the real path sends, in order."""
    queries: list[Query] = []

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append((sql, params, many))
        return execute(sql, params, many, context)

    def copied(sql: str, rows: list[tuple[Any, ...]]) -> None:
        queries.append((sql, rows, COPY))

    from opencasus.logbook.inserts import copy_observers

    copy_observers.append(copied)
    try:
        with connection.execute_wrapper(wrapper):
            call(Operation(op.name, op.run, writes=op.writes, committed=False))
    finally:
        copy_observers.remove(copied)
    return queries


def raw_connection() -> psycopg.Connection[Any]:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, cursor_factory=psycopg.ClientCursor, autocommit=True)


def replay(raw: psycopg.Connection[Any], queries: list[Query], *, in_transaction: bool) -> float:
    """Send the captured statements; fetch every result like Django does. Returns seconds."""
    started = time.perf_counter()
    if in_transaction:
        raw.execute("BEGIN")
    with raw.cursor() as cursor:
        for sql, params, many in queries:
            if many == COPY:
                with cursor.copy(sql) as copy:
                    for row in params:
                        copy.write_row(row)
                continue
            if params is None:
                cursor.execute(sql)
            elif many:
                cursor.executemany(sql, params)
                continue
            else:
                cursor.execute(sql, params)
            if cursor.description is not None:
                cursor.fetchall()
    if in_transaction:
        raw.execute("ROLLBACK")
    return time.perf_counter() - started


def measure(op: Operation, *, iterations: int, warmup: int = 3,
            raw: psycopg.Connection[Any] | None = None) -> Result:
    for _ in range(warmup):
        call(op)
    result = Result(op.name, real=[], note=op.note)
    if op.floor and raw is not None:
        queries = capture(op)
        result.queries = len(queries)
        in_tx = op.writes
        for _ in range(warmup):
            replay(raw, queries, in_transaction=in_tx)
        result.floor = [replay(raw, queries, in_transaction=in_tx) for _ in range(iterations)]
    for _ in range(iterations):
        started = time.perf_counter()
        call(op)
        result.real.append(time.perf_counter() - started)
    return result


def table(results: list[Result]) -> str:
    header = f"{'operation':46} {'median ms':>10} {'p95 ms':>8} {'floor med':>10} {'floor p95':>10} {'ratio':>6} " \
             f"{'queries':>7}"
    lines = [header, "-" * len(header)]
    for r in results:
        floor_med = f"{r.floor_median * 1000:10.2f}" if r.floor else f"{'-':>10}"
        floor_p95 = f"{r.floor_p95 * 1000:10.2f}" if r.floor else f"{'-':>10}"
        ratio = f"{r.ratio:6.2f}" if r.floor else f"{'-':>6}"
        queries = f"{r.queries:7d}" if r.floor else f"{'-':>7}"
        lines.append(f"{r.name:46} {r.median * 1000:10.2f} {r.p95 * 1000:8.2f} {floor_med} {floor_p95} {ratio} "
                     f"{queries}")
        if r.note:
            lines.append(f"    {r.note}")
    return "\n".join(lines)
