"""Removing expired processing-log records, oldest first, without breaking the hash chain.

Only a prefix of a chain is ever removed: the records from the chain's current start up to (not
including) the first record that has not expired. The chain head then remembers the sequence and
hash of the last removed record (its purge point), so `verification.verify_chain` starts after it
and still detects any other removal, insertion or alteration.

On PostgreSQL the append-only trigger lets DELETE through only when the transaction-local setting
`opencasus.log_purge` is 'on'; this module is the only place that sets it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection, transaction

from opencasus.logbook.chains import house_of_chain
from opencasus.logbook.models import Action, AuditRecord, ChainHead, ProcessingRecord
from opencasus.logbook.services import Who, record_processing

PURGE_OBJECT_TYPE = "processing-log"
PURGE_PURPOSE = "Verwijderen van gegevens na afloop van de bewaartermijn"


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
def purge_expired(*, chain: int, expired_before: dt.datetime, who: Who | None = None) -> int:
    """Remove the expired prefix of one chain and move its purge point. Returns the number removed.

    The purge is itself appended to the chain (action delete, object `processing-log`, object id
    "first-last"), so the verification can check that the purge point was moved by a purge.
    """
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
    record_processing(action=Action.DELETE, activity_code="privacy", purpose=PURGE_PURPOSE,
                      who=who or Who.system("retention"), house_id=house_of_chain(chain), object_type=PURGE_OBJECT_TYPE,
                      object_id=f"{plan.first_sequence}-{plan.last_sequence}")
    return removed
