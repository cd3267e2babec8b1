"""Verifying the hash chains of the processing log."""

from __future__ import annotations

from dataclasses import dataclass, field

from opencasus.logbook.models import AuditRecord, ChainHead, ProcessingRecord
from opencasus.logbook.services import compute_hash


@dataclass
class ChainReport:
    chain: int
    records: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(chain: int, *, batch: int = 5000) -> ChainReport:
    """Walk one chain in order; report the first broken record (altered, inserted or removed)."""
    report = ChainReport(chain=chain)
    head = ChainHead.objects.filter(chain=chain).first()
    expected_previous = head.purged_through_hash if head else ""
    expected_sequence = (head.purged_through_sequence if head else 0) + 1
    last_seen = expected_sequence - 1
    while True:
        rows = list(ProcessingRecord.objects.filter(chain=chain, sequence__gt=last_seen)
                    .order_by("sequence")[:batch])
        if not rows:
            break
        audits = AuditRecord.objects.in_bulk([r.pk for r in rows])
        for record in rows:
            report.records += 1
            where = f"record id {record.pk} (chain {chain}, sequence {record.sequence})"
            if record.sequence != expected_sequence:
                report.problems.append(
                    f"{where}: expected sequence {expected_sequence}; a record was removed or inserted")
                return report
            audit = audits.get(record.pk)
            if audit is None:
                report.problems.append(f"{where}: its audit record is missing")
                return report
            if audit.started_at != record.started_at:
                report.problems.append(f"{where}: its audit record does not match it")
                return report
            if record.previous_hash != expected_previous:
                report.problems.append(f"{where}: does not link to the previous record")
                return report
            if compute_hash(record, audit) != record.record_hash:
                report.problems.append(f"{where}: its content was altered")
                return report
            expected_previous = record.record_hash
            expected_sequence += 1
        last_seen = rows[-1].sequence
    if head is not None and (head.last_sequence != expected_sequence - 1 or head.last_hash != expected_previous):
        report.problems.append(
            f"chain {chain}: ends at sequence {expected_sequence - 1}, but {head.last_sequence} were written; "
            "the last records were removed")
    return report


def verify_all() -> list[ChainReport]:
    chains = set(ChainHead.objects.values_list("chain", flat=True))
    # Without the model's ordering: DISTINCT would otherwise take (chain, sequence), every record.
    chains |= set(ProcessingRecord.objects.order_by().values_list("chain", flat=True).distinct())
    return [verify_chain(chain) for chain in sorted(chains)]
