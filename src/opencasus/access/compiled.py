"""The visibility query of a user, compiled to SQL once and reused with fresh parameters.

Building and compiling the union of a partner professional's branches (participations with their
memberships, covenants and co-directors, read-only periods, filed intakes) cost as much as running
it. Its SQL text depends only on what the policy decides in Python before the query runs: the user,
the minimum level, the user's role grants, the partner houses' read-only periods and the date. With
those as the key, the compiled SQL and its parameters are kept per process; everything that is
decided by the database (active memberships, participations, covenants, co-directors) is evaluated
by the database on every execution, exactly as before.

The one parameter that changes within a key is the current time: every datetime in the query is a
read-only cutoff (`now - period`, one per partner house). The positions of the cutoffs among the
parameters are found once, by value, and filled with the cutoffs of the moment on every reuse.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

MAX_ENTRIES = 4096


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    # (position among the parameters, index of the cutoff that goes there)
    cutoff_positions: tuple[tuple[int, int], ...]


_entries: OrderedDict[Hashable, _Compiled] = OrderedDict()
_lock = threading.Lock()


def clear() -> None:
    with _lock:
        _entries.clear()


def entries() -> int:
    return len(_entries)


def _adapt(cutoffs: Sequence[dt.datetime]) -> list[Any]:
    ops = connections[DEFAULT_DB_ALIAS].ops
    return [ops.adapt_datetimefield_value(c) for c in cutoffs]


def _compile(build: Callable[[], QuerySet[Any]], adapted: list[Any]) -> _Compiled:
    sql, params = build().query.sql_with_params()
    positions = []
    for position, value in enumerate(params):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            continue  # a date (the day, part of the key) never equals a cutoff
        if value in adapted:
            positions.append((position, adapted.index(value)))
    if {repr(adapted[index]) for _position, index in positions} != {repr(value) for value in adapted}:
        raise AssertionError("a read-only cutoff is missing from the compiled visibility query")
    return _Compiled(sql=sql, params=tuple(params), cutoff_positions=tuple(positions))


def ids_subquery(key: Hashable, *, build: Callable[[], QuerySet[Any]], cutoffs: Sequence[dt.datetime]) -> RawSQL:
    """The SQL of `build()` (a query of case ids, built from `cutoffs`), compiled once per `key`.

    `key` must hold everything `build` reads apart from the cutoffs; `cutoffs` must be the only
    datetimes among the query's parameters, each distinct from its other parameters.
    """
    full_key = (connections[DEFAULT_DB_ALIAS].vendor, key)
    adapted = _adapt(cutoffs)
    entry = _entries.get(full_key)
    if entry is None:
        entry = _compile(build, adapted)
        with _lock:
            _entries[full_key] = entry
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
        params: Sequence[Any] = entry.params
    else:
        filled = list(entry.params)
        for position, index in entry.cutoff_positions:
            filled[position] = adapted[index]
        params = filled
    return RawSQL(entry.sql, tuple(params))  # noqa: S611 - SQL compiled by the ORM, values as parameters
