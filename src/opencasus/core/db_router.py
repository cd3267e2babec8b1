"""Management information from a PostgreSQL streaming replica, everything else from the primary.

With `DATABASE_REPLICA_URL` set the settings add a `replica` database. Only code marked with
`@reads_from_replica` (the figure builders of `opencasus.reporting`, which read many rows and write
none) reads there; every other read, and every write, goes to the primary (`default`), so whatever must
see its own writes (a service, an access check, a form after its post) never meets replication lag.

The replica is used while it is reachable and no more than `OPENCASUS_REPLICA_MAX_LAG` seconds behind.
Each process asks it at most once per `OPENCASUS_REPLICA_CHECK_SECONDS` (the answer is kept); a replica
that lags, is down or is no standby (promoted) is left alone until a later check finds it well again.
A marked call that fails on the replica with a connection error (the replica stopped between two
checks) marks it unusable and runs again on the primary: the caller gets its figures, not an error.
Inside a transaction of the primary (which may have written) a marked call reads the primary too.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from time import monotonic
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.utils.connection import ConnectionDoesNotExist

from opencasus.core.db_outage import is_database_outage

logger = logging.getLogger(__name__)

REPLICA = "replica"
P = ParamSpec("P")
R = TypeVar("R")

# How far behind the standby is, in seconds: 0 while it streams and has replayed all it received,
# else the age of the last replayed transaction (it grows while nothing arrives); NULL when it is no
# standby (promoted) or has replayed nothing yet.
LAG_SQL = (
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN NULL "
    "WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') "
    "AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
)

_reading: ContextVar[bool] = ContextVar("opencasus_reads_from_replica", default=False)
_used: ContextVar[list[bool] | None] = ContextVar("opencasus_replica_used", default=None)


@dataclass(frozen=True)
class ReplicaState:
    usable: bool
    reason: str  # "ok", "lag", "down", "not-standby"
    lag_seconds: float | None
    checked_at: float


_state: ReplicaState | None = None
_state_lock = threading.Lock()


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def probe_lag_seconds(alias: str = REPLICA) -> float | None:
    """The replica's lag in seconds (None: no standby, or nothing replayed yet). Raises `DatabaseError`
    when it cannot be reached."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":  # a test set-up: another database needs no replay
            cursor.execute("SELECT 1")
            return 0.0
        cursor.execute(LAG_SQL)
        row = cursor.fetchone()
    return None if row is None or row[0] is None else float(row[0])


def _store(state: ReplicaState) -> None:
    global _state
    with _state_lock:
        previous, _state = _state, state
    if previous is None or previous.usable != state.usable:
        if state.usable:
            logger.info("Reports read from the database replica (lag %.1f s).", state.lag_seconds or 0.0)
        else:
            logger.warning("Reports read from the primary database: the replica is unusable (%s, lag %s s).",
                           state.reason, "-" if state.lag_seconds is None else f"{state.lag_seconds:.1f}")


def replica_state() -> ReplicaState | None:
    """The last check of this process (None before the first)."""
    return _state


def forget_replica_state() -> None:
    global _state
    with _state_lock:
        _state = None


def mark_replica_unusable(reason: str = "down") -> None:
    _store(ReplicaState(usable=False, reason=reason, lag_seconds=None, checked_at=monotonic()))
    if replica_configured():
        with contextlib.suppress(DatabaseError, ConnectionDoesNotExist):
            connections[REPLICA].close()


def replica_usable() -> bool:
    """Whether marked reads may go to the replica now (checked at most every few seconds)."""
    if not replica_configured():
        return False
    now = monotonic()
    state = _state
    if state is not None and now - state.checked_at < settings.OPENCASUS_REPLICA_CHECK_SECONDS:
        return state.usable
    try:
        lag = probe_lag_seconds()
    except DatabaseError:
        mark_replica_unusable("down")
        return False
    if lag is None:
        reason = "not-standby"
    elif lag > settings.OPENCASUS_REPLICA_MAX_LAG:
        reason = "lag"
    else:
        reason = "ok"
    _store(ReplicaState(usable=reason == "ok", reason=reason, lag_seconds=lag, checked_at=now))
    return reason == "ok"


def reads_from_replica(func: Callable[P, R]) -> Callable[P, R]:
    """Mark a function that only reads (management information) as allowed to read from the replica."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if _reading.get():  # already inside a marked call
            return func(*args, **kwargs)
        used: list[bool] = []
        tokens = (_reading.set(True), _used.set(used))
        try:
            result = func(*args, **kwargs)
            logger.debug("Report %s read from the %s.", func.__qualname__, "replica" if used else "primary")
            return result
        except DatabaseError as exc:
            if not used or not is_database_outage(exc):
                raise
            logger.warning("A report failed on the database replica (%s); it is read from the primary.",
                           type(exc).__name__)
            mark_replica_unusable("down")
        finally:
            _reading.reset(tokens[0])
            _used.reset(tokens[1])
        result = func(*args, **kwargs)  # on the primary: the replica is marked unusable
        logger.debug("Report %s read from the primary.", func.__qualname__)
        return result

    return wrapper


class ReplicaRouter:
    """Django's database router (settings.DATABASE_ROUTERS)."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        if _reading.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block and replica_usable():
            used = _used.get()
            if used is not None and not used:
                used.append(True)
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # both databases hold the same data

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db != REPLICA  # the replica follows the primary's schema by replication
