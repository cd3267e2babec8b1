"""Yearly partitions of the processing log (PostgreSQL only).

On PostgreSQL `logbook_processingrecord` is range-partitioned by `started_at`: one partition per
calendar year (Europe/Amsterdam, the zone retention anchors on) plus a DEFAULT partition, so an
insert never fails for want of a partition. Writes touch only the current year's indexes; searches
with a period visit only that period's partitions; retention drops a whole expired year at once
(`drop_expired_partitions`) instead of deleting its rows.

Every partition inherits the append-only row trigger of the partitioned table; the TRUNCATE refusal
is a statement-level trigger, which partitions do not inherit, so each new partition gets its own
(`logbook.truncate`). The audit records stay
in one plain table (no database foreign key: see docs/performance.md); they are deleted with the
partition they belong to. On SQLite the log is a plain table and every function here does nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from opencasus.logbook.models import ChainHead
from opencasus.logbook.truncate import add_truncate_trigger

PARENT = "logbook_processingrecord"
DEFAULT = f"{PARENT}_default"
_BOUND = re.compile(r"FROM \((.+)\) TO \((.+)\)")


@dataclass(frozen=True)
class Partition:
    name: str
    lower: dt.datetime | None  # None: MINVALUE
    upper: dt.datetime | None  # None: MAXVALUE


@dataclass(frozen=True)
class DroppedPartition:
    name: str
    records: int
    # chain -> (first, last) sequence whose records left the chain with the partition
    moved: dict[int, tuple[int, int]]


def enabled() -> bool:
    """Whether the log is partitioned (PostgreSQL after migration logbook 0003)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relkind = 'p' FROM pg_class c WHERE c.oid = to_regclass(%s)", [PARENT])
        row = cursor.fetchone()
    return bool(row and row[0])


def year_start(year: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, 1, 1), timezone.get_default_timezone())


def year_partition_name(year: int) -> str:
    return f"{PARENT}_y{year}"


def _bound(text: str) -> dt.datetime | None:
    text = text.strip()
    if text in ("MINVALUE", "MAXVALUE"):
        return None
    return dt.datetime.fromisoformat(text.strip("'"))


def partitions() -> list[Partition]:
    """The range partitions, oldest first (the DEFAULT partition is not among them)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(%s)", [PARENT])
        rows = cursor.fetchall()
    found = []
    for name, bound in rows:
        match = _BOUND.search(bound)
        if match:
            found.append(Partition(name, _bound(match.group(1)), _bound(match.group(2))))
    return sorted(found, key=lambda p: (p.lower is not None, p.lower or dt.datetime.min.replace(tzinfo=dt.UTC)))


def _overlaps(partition: Partition, lower: dt.datetime, upper: dt.datetime) -> bool:
    return (partition.lower is None or partition.lower < upper) and (partition.upper is None or partition.upper > lower)


@transaction.atomic
def ensure_partitions(*, today: dt.date | None = None, years_ahead: int = 1,
                      first_year: int | None = None) -> list[str]:
    """Create the yearly partitions from `first_year` (default: this year) through this year plus
    `years_ahead`; returns the names created. Idempotent: a year that (partly) has a partition is
    left alone. Records of the new years that sit in the DEFAULT partition are moved into them.
    """
    if not enabled():
        return []
    today = today or timezone.localdate()
    existing = partitions()
    created: list[str] = []
    with connection.cursor() as cursor:
        for year in range(first_year if first_year is not None else today.year, today.year + years_ahead + 1):
            lower, upper = year_start(year), year_start(year + 1)
            if any(_overlaps(p, lower, upper) for p in existing):
                continue
            name = year_partition_name(year)
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {DEFAULT} WHERE started_at >= %s AND started_at < %s)",  # noqa: S608
                           [lower, upper])
            strays = bool(cursor.fetchone()[0])
            if strays:  # the new partition may not overlap rows of the DEFAULT partition: move them
                cursor.execute(f"ALTER TABLE {PARENT} DETACH PARTITION {DEFAULT}")
            cursor.execute(f"CREATE TABLE {name} PARTITION OF {PARENT} FOR VALUES FROM (%s) TO (%s)",
                           [lower, upper])
            add_truncate_trigger(cursor, name)
            if strays:
                cursor.execute(f"INSERT INTO {name} SELECT * FROM {DEFAULT} "  # noqa: S608 - constant names
                               "WHERE started_at >= %s AND started_at < %s", [lower, upper])
                cursor.execute("SET LOCAL opencasus.log_purge = 'on'")
                cursor.execute(f"DELETE FROM {DEFAULT} WHERE started_at >= %s AND started_at < %s",  # noqa: S608
                               [lower, upper])
                cursor.execute("SET LOCAL opencasus.log_purge = 'off'")
                cursor.execute(f"ALTER TABLE {PARENT} ATTACH PARTITION {DEFAULT} DEFAULT")
            existing.append(Partition(name, lower, upper))
            created.append(name)
    return created


def _chains_in(cursor: object, name: str) -> list[tuple[int, int, int, int]]:
    """Per chain in one partition: chain, purge point, highest sequence, records after the purge point."""
    cursor.execute(  # type: ignore[attr-defined]
        f"SELECT r.chain, COALESCE(h.purged_through_sequence, 0), max(r.sequence), "  # noqa: S608
        f"count(*) FILTER (WHERE r.sequence > COALESCE(h.purged_through_sequence, 0)) "
        f"FROM {name} r LEFT JOIN logbook_chainhead h ON h.chain = r.chain GROUP BY 1, 2 ORDER BY 1")
    return [(int(a), int(b), int(c), int(d)) for a, b, c, d in cursor.fetchall()]  # type: ignore[attr-defined]


def droppable(partition: Partition, chains: list[tuple[int, int, int, int]],
              expired_before: Mapping[int, dt.datetime]) -> bool:
    """A partition may go when, for every chain with records in it, the whole partition has expired
    and its records after the chain's purge point are exactly the next ones of the chain (so the
    purge point can move past them and the chain still starts cleanly after it)."""
    if partition.upper is None:
        return False
    for chain, purged, highest, after in chains:
        cut = expired_before.get(chain)
        if cut is None or partition.upper > cut:
            return False
        if after and after != highest - purged:  # a later or earlier record lives elsewhere
            return False
    return True


def drop_expired_partitions(*, expired_before: Mapping[int, dt.datetime]) -> list[DroppedPartition]:
    """Drop the oldest partitions that have expired for every chain in them, oldest first.

    `expired_before` gives, per chain, the moment before which its records have expired; a chain
    that is not in it never expires. The purge points of the chains move past the dropped records,
    the audit records of those records are deleted, and the partition is dropped, all in one
    transaction per partition. Stops at the first partition that cannot go.
    """
    dropped: list[DroppedPartition] = []
    if not enabled():
        return dropped
    for partition in partitions():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {partition.name} IN SHARE MODE")  # no appends into it meanwhile
            if not droppable(partition, _chains_in(cursor, partition.name), expired_before):
                break
            # Chain heads before the partition's table lock, in ascending order, as appends take them.
            heads = {h.chain: h for h in ChainHead.objects.select_for_update()
                     .filter(chain__in=[c[0] for c in _chains_in(cursor, partition.name)]).order_by("chain")}
            chains = _chains_in(cursor, partition.name)  # purge points as they are under the locks
            if not droppable(partition, chains, expired_before):
                break
            moved: dict[int, tuple[int, int]] = {}
            for chain, purged, highest, _after in chains:
                if highest <= purged:
                    continue
                cursor.execute(f"SELECT record_hash FROM {partition.name} "  # noqa: S608
                               "WHERE chain = %s AND sequence = %s", [chain, highest])
                head = heads.get(chain) or ChainHead.objects.create(chain=chain)
                head.purged_through_sequence, head.purged_through_hash = highest, cursor.fetchone()[0]
                head.save(update_fields=["purged_through_sequence", "purged_through_hash"])
                moved[chain] = (purged + 1, highest)
            cursor.execute(f"SELECT count(*) FROM {partition.name}")  # noqa: S608
            records = int(cursor.fetchone()[0])
            cursor.execute("SET LOCAL opencasus.log_purge = 'on'")
            cursor.execute(f"DELETE FROM logbook_auditrecord a USING {partition.name} r "  # noqa: S608
                           "WHERE a.record_id = r.id")
            cursor.execute("SET LOCAL opencasus.log_purge = 'off'")
            # Deferred foreign-key checks of rows written into it earlier in this transaction run now:
            # a table with pending trigger events cannot be dropped.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"DROP TABLE {partition.name}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        dropped.append(DroppedPartition(partition.name, records, moved))
    return dropped
