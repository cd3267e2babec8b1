"""On PostgreSQL the log tables refuse UPDATE and DELETE (a trigger)."""

import pytest
from django.db import DatabaseError, connection, transaction

from opencasus.logbook.models import Action, ActivityCode, AuditRecord, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.network.tests.factories import HouseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL")


def _record() -> ProcessingRecord:
    house = HouseFactory.create()
    return record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                             who=Who(username="u"))[0]


@pytest.mark.parametrize("statement", [
    "UPDATE logbook_processingrecord SET purpose = 'x' WHERE id = %s",
    "DELETE FROM logbook_processingrecord WHERE id = %s",
    "UPDATE logbook_auditrecord SET username = 'x' WHERE record_id = %s",
    "DELETE FROM logbook_auditrecord WHERE record_id = %s",
])
def test_update_and_delete_are_refused(statement: str) -> None:
    record = _record()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [record.pk])
    assert ProcessingRecord.objects.filter(pk=record.pk, purpose="t").exists()


def test_orm_update_is_refused_too() -> None:
    record = _record()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditRecord.objects.filter(record=record).update(username="x")


def _truncate_refused(table: str) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL opencasus.log_truncate = 'off'")  # the test database allows it for clean-up
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # a table with pending foreign-key checks cannot be truncated
        cursor.execute(f"TRUNCATE {table} CASCADE")


@pytest.mark.parametrize("table", ["logbook_processingrecord", "logbook_auditrecord"])
def test_truncate_is_refused(table: str) -> None:
    record = _record()
    _truncate_refused(table)
    assert ProcessingRecord.objects.filter(pk=record.pk).exists()
    assert AuditRecord.objects.filter(record=record).exists()


def test_truncate_of_every_partition_is_refused() -> None:
    from opencasus.logbook import partitions

    record = _record()
    names = [p.name for p in partitions.partitions()] + [partitions.DEFAULT]
    assert len(names) >= 3
    for name in names:
        _truncate_refused(name)
    assert ProcessingRecord.objects.filter(pk=record.pk).exists()


def test_a_new_partition_refuses_truncate_too() -> None:
    import datetime as dt

    from opencasus.logbook import partitions

    created = partitions.ensure_partitions(today=dt.date(2031, 6, 1), years_ahead=0, first_year=2031)
    assert created == [partitions.year_partition_name(2031)]
    _truncate_refused(created[0])
