"""On PostgreSQL the log tables refuse UPDATE and DELETE (a trigger)."""

import pytest
from django.db import DatabaseError, connection, transaction

from opencasus.logbook.models import Action, AuditRecord, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.network.tests.factories import HouseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL")


def _record():
    house = HouseFactory()
    return record_processing(action=Action.VIEW, activity_code="intake", purpose="t", house_id=house.pk,
                             who=Who(username="u"))[0]


@pytest.mark.parametrize("statement", [
    "UPDATE logbook_processingrecord SET purpose = 'x' WHERE id = %s",
    "DELETE FROM logbook_processingrecord WHERE id = %s",
    "UPDATE logbook_auditrecord SET username = 'x' WHERE record_id = %s",
    "DELETE FROM logbook_auditrecord WHERE record_id = %s",
])
def test_update_and_delete_are_refused(statement):
    record = _record()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [record.pk])
    assert ProcessingRecord.objects.filter(pk=record.pk, purpose="t").exists()


def test_orm_update_is_refused_too():
    record = _record()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditRecord.objects.filter(record=record).update(username="x")
