"""Recording processings of personal data. The only way records enter the log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from opencasus.core.middleware import current_context, new_span_id
from opencasus.logbook.chains import advance_head, lock_head_for_append
from opencasus.logbook.inserts import insert_rows
from opencasus.logbook.models import (
    Action,
    ActivityCode,
    AuditRecord,
    Outcome,
    ProcessingActivity,
    ProcessingRecord,
)

HASHED_FIELDS = (
    "chain", "sequence", "trace_id", "span_id", "parent_span_id", "action", "started_at", "ended_at",
    "outcome", "house_id", "activity_code", "purpose", "object_type", "object_id", "case_id", "data_subject",
)
AUDIT_FIELDS = ("user_id", "username", "organisation_id", "role", "client_address")


@dataclass(frozen=True)
class Who:
    """The acting professional as the audit record keeps it."""

    user_id: int | None = None
    username: str = ""
    organisation_id: int | None = None
    role: str = ""

    @classmethod
    def system(cls, name: str) -> Who:
        return cls(username=f"system:{name}")


def _canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return value


def compute_hash(record: ProcessingRecord, audit: AuditRecord) -> str:
    payload = {name: _canonical(getattr(record, name)) for name in HASHED_FIELDS}
    payload.update({f"audit.{name}": getattr(audit, name) for name in AUDIT_FIELDS})
    payload["previous_hash"] = record.previous_hash
    data = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()
    return hashlib.sha256(data).hexdigest()


# The register changes rarely and every logged request needs its entry: keep the ids for a minute
# per process. A register entry that is referred to cannot be deleted (PROTECT), so a cached id
# stays valid; a new entry is found at the latest after ACTIVITY_CACHE_SECONDS. An id read inside a
# transaction is only kept once that transaction commits: a rolled-back entry must not be cached.
ACTIVITY_CACHE_SECONDS = 60.0
_activity_ids: dict[tuple[int, str], tuple[float, int | None]] = {}


def clear_activity_cache() -> None:
    _activity_ids.clear()


def _activity_id(house_id: int | None, code: str) -> int | None:
    if house_id is None:
        return None
    now = time.monotonic()
    cached = _activity_ids.get((house_id, code))
    if cached is not None and now - cached[0] < ACTIVITY_CACHE_SECONDS:
        return cached[1]
    found = ProcessingActivity.objects.filter(house_id=house_id, code=code).values_list("pk", flat=True).first()
    if found is not None:  # a missing entry is looked up again next time: it may be registered soon
        entry = ((house_id, code), (now, found))
        transaction.on_commit(lambda: _activity_ids.__setitem__(*entry))
    return found


@dataclass(frozen=True)
class Processing:
    """One action on personal data, to be logged with one record per data subject."""

    action: Action | str
    activity_code: ActivityCode
    purpose: str
    who: Who
    house_id: int | None
    data_subjects: tuple[str, ...] = ("",)
    object_type: str = ""
    object_id: str | int = ""
    case_id: int | None = None
    outcome: Outcome | str = Outcome.SUCCESS
    started_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        # An unknown code fails here, at the call, rather than linking the record to no activity.
        object.__setattr__(self, "activity_code", ActivityCode(self.activity_code))


def record_processing(
    *,
    action: Action | str,
    activity_code: ActivityCode,
    purpose: str,
    who: Who,
    house_id: int | None,
    data_subjects: Iterable[str] = ("",),
    object_type: str = "",
    object_id: str | int = "",
    case_id: int | None = None,
    outcome: Outcome | str = Outcome.SUCCESS,
    started_at: dt.datetime | None = None,
) -> list[ProcessingRecord]:
    """Append one record per data subject (pseudonym) for one action, in the caller's transaction.

    Call it inside the transaction of the write it describes, so that the write and its log
    record commit or roll back together.
    """
    return record_processing_many([Processing(
        action=action, activity_code=activity_code, purpose=purpose, who=who, house_id=house_id,
        data_subjects=tuple(data_subjects), object_type=object_type, object_id=object_id, case_id=case_id,
        outcome=outcome, started_at=started_at)])


def record_processing_many(items: Sequence[Processing]) -> list[ProcessingRecord]:
    """Log several actions at once (a list page showing many cases): one lock and two inserts per house.

    Houses are taken in ascending order; each append takes a chain of its house that no other
    transaction holds (`logbook.chains`), so concurrent requests of one house do not queue.
    """
    by_house: dict[int, list[Processing]] = {}
    for item in items:
        by_house.setdefault(item.house_id or 0, []).append(item)
    records: list[ProcessingRecord] = []
    with transaction.atomic():
        for house_key in sorted(by_house):
            records.extend(_append(house_key, by_house[house_key]))
    return records


def _append(house_key: int, items: list[Processing]) -> list[ProcessingRecord]:
    ctx = current_context()
    now = timezone.now()
    head = lock_head_for_append(house_key)
    chain = head.chain
    previous, sequence = head.last_hash, head.last_sequence
    records, audits = [], []
    activity_ids: dict[ActivityCode, int | None] = {}
    for item in items:
        if item.activity_code not in activity_ids:
            activity_ids[item.activity_code] = _activity_id(item.house_id, item.activity_code)
        activity_id = activity_ids[item.activity_code]
        for subject in list(dict.fromkeys(item.data_subjects)) or [""]:
            sequence += 1
            record = ProcessingRecord(
                chain=chain, sequence=sequence, trace_id=ctx.trace_id, span_id=new_span_id(),
                parent_span_id=ctx.span_id, action=str(item.action), started_at=item.started_at or now,
                ended_at=now, outcome=str(item.outcome), house_id=item.house_id, activity_id=activity_id,
                activity_code=str(item.activity_code), purpose=item.purpose, object_type=item.object_type,
                object_id=str(item.object_id), case_id=item.case_id, data_subject=subject, previous_hash=previous,
            )
            audit = AuditRecord(
                user_id=item.who.user_id, username=item.who.username, organisation_id=item.who.organisation_id,
                role=item.who.role, client_address=ctx.client_address, started_at=record.started_at,
            )
            record.record_hash = compute_hash(record, audit)
            previous = record.record_hash
            records.append(record)
            audits.append(audit)
    insert_rows(ProcessingRecord, records)
    if records and records[0].pk is None:  # backends without RETURNING on bulk insert
        stored = {r.sequence: r.pk for r in ProcessingRecord.objects.filter(
            chain=chain, sequence__gt=head.last_sequence).only("pk", "sequence")}
        for record in records:
            record.pk = stored[record.sequence]
    for record, audit in zip(records, audits, strict=True):
        audit.record = record
    insert_rows(AuditRecord, audits)
    advance_head(head, sequence=sequence, last_hash=previous)
    return records
