"""Removing expired processing-log records, oldest first, without breaking the hash chain.

Only a prefix of a chain is ever removed: the records from the chain's current start up to (not
including) the first record that has not expired. The chain head then remembers the sequence and
hash of the last removed record (its purge point), so `verification.verify_chain` starts after it
and still detects any other removal, insertion or alteration.

On PostgreSQL the log is partitioned by year (`partitions`): a year that has expired for every chain
in it is dropped as a whole after the purge points have moved past its records; the rest goes row
by row. The append-only trigger lets DELETE through only when the transaction-local setting
`opencasus.log_purge` is 'on'; this module and `partitions` are the only places that set it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection, transaction

from opencasus.logbook import partitions, purposes
from opencasus.logbook.chains import house_of_chain
from opencasus.logbook.models import Action, ActivityCode, AuditRecord, ChainHead, ProcessingRecord
from opencasus.logbook.services import Who, record_processing

PURGE_OBJECT_TYPE = "processing-log"


@dataclass(frozen=True)
class PurgePlan:
    chain: int
    first_sequence: int  # first record that would go
    last_sequence: int  # last record that would go (inclusive); < first_sequence means nothing
    last_hash: str

    @property
    def count(self) -> int:
        return max(0, self.last_sequence - self.first_sequence + 1)


def plan_purge(*, chain: int, expired_before: dt.datetime, batch: int = 5000) -> PurgePlan:
    """The records of `chain` that would be removed: the oldest ones, while `started_at < expired_before`."""
    head = ChainHead.objects.filter(chain=chain).first()
    start = (head.purged_through_sequence if head else 0) + 1
    last_sequence, last_hash, seen = start - 1, "", start - 1
    while True:
        rows = list(ProcessingRecord.objects.filter(chain=chain, sequence__gt=seen).order_by("sequence")
                    .values_list("sequence", "started_at", "record_hash")[:batch])
        if not rows:
            break
        for sequence, started_at, record_hash in rows:
            if started_at >= expired_before:
                return PurgePlan(chain, start, last_sequence, last_hash)
            last_sequence, last_hash = sequence, record_hash
        seen = rows[-1][0]
    return PurgePlan(chain, start, last_sequence, last_hash)


@transaction.atomic
def purge_expired(*, chain: int, expired_before: dt.datetime, who: Who | None = None,
                  others_expired_before: Mapping[int, dt.datetime] | None = None) -> int:
    """Remove the expired prefix of one chain and move its purge point. Returns the number removed.

    On PostgreSQL whole yearly partitions go first, when they have expired for every chain with
    records in them (`others_expired_before` gives the other chains' moments; a chain not in it
    never expires): see `partitions.drop_expired_partitions`. What remains expired is deleted row
    by row. Every purge is itself appended to its chain (action delete, object `processing-log`,
    object id "first-last"), so the verification can check that the purge point was moved by a purge.
    """
    removed = 0
    cuts = {**(others_expired_before or {}), chain: expired_before}
    for partition in partitions.drop_expired_partitions(expired_before=cuts):
        for moved_chain, (first, last) in partition.moved.items():
            removed += last - first + 1 if moved_chain == chain else 0
            _record_purge(chain=moved_chain, first=first, last=last, who=who)
    return removed + _purge_rows(chain=chain, expired_before=expired_before, who=who)


def _record_purge(*, chain: int, first: int, last: int, who: Who | None) -> None:
    record_processing(action=Action.DELETE, activity_code=ActivityCode.PRIVACY, purpose=purposes.RETENTION_DELETION,
                      who=who or Who.system("retention"), house_id=house_of_chain(chain), object_type=PURGE_OBJECT_TYPE,
                      object_id=f"{first}-{last}")


def _purge_rows(*, chain: int, expired_before: dt.datetime, who: Who | None) -> int:
    ChainHead.objects.get_or_create(chain=chain)
    head = ChainHead.objects.select_for_update().get(chain=chain)  # no appends while the start moves
    plan = plan_purge(chain=chain, expired_before=expired_before)
    if plan.count == 0:
        return 0
    ids = ProcessingRecord.objects.filter(
        chain=chain, sequence__gte=plan.first_sequence, sequence__lte=plan.last_sequence).values("pk")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL opencasus.log_purge = 'on'")
    AuditRecord.objects.filter(record_id__in=ids).delete()
    removed, _ = ProcessingRecord.objects.filter(
        chain=chain, sequence__gte=plan.first_sequence, sequence__lte=plan.last_sequence).delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL opencasus.log_purge = 'off'")
    head.purged_through_sequence, head.purged_through_hash = plan.last_sequence, plan.last_hash
    head.save(update_fields=["purged_through_sequence", "purged_through_hash"])
    _record_purge(chain=chain, first=plan.first_sequence, last=plan.last_sequence, who=who)
    return removed
