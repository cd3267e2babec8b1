import datetime as dt

import pytest
from pytest_django import DjangoAssertNumQueries

from opencasus.logbook.inserts import insert_rows
from opencasus.logbook.models import AuditRecord, ProcessingRecord

pytestmark = pytest.mark.django_db

AT = dt.datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=dt.UTC)


def _record(sequence: int, **extra: object) -> ProcessingRecord:
    values = {"chain": 424242, "sequence": sequence, "trace_id": "t" * 32, "span_id": "s" * 16, "action": "view",
              "started_at": AT, "ended_at": AT, "outcome": "success", "house_id": None, "activity_code": "intake",
              "purpose": "Beoordelen van één aanmelding", "case_id": None, "data_subject": "", "previous_hash": "",
              "record_hash": "h" * 64} | extra
    return ProcessingRecord(**values)


def test_rows_are_stored_as_given_and_get_their_ids() -> None:
    records = [_record(1), _record(2, house_id=5, case_id=77, data_subject="p-1", object_id="9")]
    insert_rows(ProcessingRecord, records)
    assert all(r.pk for r in records)
    assert records[0].pk != records[1].pk
    stored = ProcessingRecord.objects.get(pk=records[1].pk)
    assert (stored.sequence, stored.house_id, stored.case_id, stored.data_subject, stored.started_at) == (
        2, 5, 77, "p-1", AT)
    assert ProcessingRecord.objects.get(pk=records[0].pk).purpose == "Beoordelen van één aanmelding"
    audits = [AuditRecord(record=r, user_id=None if i else 3, username="u", role="secretary", client_address="::1",
                          started_at=r.started_at)
              for i, r in enumerate(records)]
    insert_rows(AuditRecord, audits)
    assert AuditRecord.objects.get(record_id=records[0].pk).user_id == 3
    assert AuditRecord.objects.get(record_id=records[1].pk).user_id is None


def test_nothing_to_insert_is_no_statement(django_assert_num_queries: DjangoAssertNumQueries) -> None:
    with django_assert_num_queries(0):
        insert_rows(ProcessingRecord, [])
