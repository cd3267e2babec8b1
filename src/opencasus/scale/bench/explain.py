"""EXPLAIN (ANALYZE, BUFFERS) of the slowest statements an operation sends."""

from __future__ import annotations

import time
from typing import Any

import psycopg

from opencasus.scale.bench.harness import Operation, capture


def slowest_plans(op: Operation, raw: psycopg.Connection[Any], *, top: int = 2) -> str:
    queries = capture(op)
    timed = []
    raw.execute("BEGIN")
    try:
        with raw.cursor() as cursor:
            for sql, params, many in queries:
                started = time.perf_counter()
                if params is None:
                    cursor.execute(sql)
                elif many:
                    cursor.executemany(sql, params)
                else:
                    cursor.execute(sql, params)
                if cursor.description is not None:
                    cursor.fetchall()
                if sql.lstrip().upper().startswith("SELECT") and params is not None and not many:
                    timed.append((time.perf_counter() - started, sql, params))
            out = []
            for seconds, sql, params in sorted(timed, key=lambda t: t[0], reverse=True)[:top]:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                statement = cursor.mogrify(sql, params) if hasattr(cursor, "mogrify") else sql
                out.append(f"-- {seconds * 1000:.2f} ms\n{statement}\n{plan}")
    finally:
        raw.execute("ROLLBACK")
    return "\n\n".join(out)
