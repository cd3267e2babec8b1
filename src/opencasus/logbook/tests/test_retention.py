"""Purging expired log records: oldest first, the purge point moves, verification still passes."""

import datetime as dt
from collections.abc import Iterable

import pytest
from django.db import DatabaseError, connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opencasus.logbook.models import Action, ActivityCode, AuditRecord, ChainHead, ProcessingRecord
from opencasus.logbook.retention import plan_purge, purge_expired
from opencasus.logbook.services import Who, record_processing
from opencasus.logbook.verification import verify_chain
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory

pytestmark = pytest.mark.django_db
# In UTC: adding hours to an Amsterdam wall-clock time would step into the gap of the spring DST change.
T0 = dt.datetime(2024, 1, 1, 8, tzinfo=dt.UTC)


def write(house: House, hours: Iterable[int]) -> None:
    for h in hours:
        record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                          who=Who(username="u"), data_subjects=["p"], started_at=T0 + dt.timedelta(hours=h))


def test_purge_removes_the_expired_prefix_and_moves_the_purge_point() -> None:
    house = HouseFactory.create()
    write(house, [0, 1, 2, 30, 31])
    records = list(ProcessingRecord.objects.filter(chain=house.pk).order_by("sequence"))
    removed = purge_expired(chain=house.pk, expired_before=T0 + dt.timedelta(hours=24))
    assert removed == 3
    assert list(ProcessingRecord.objects.filter(chain=house.pk).values_list("sequence", flat=True)) == [4, 5, 6]
    purge = ProcessingRecord.objects.get(chain=house.pk, sequence=6)
    assert (purge.action, purge.object_type, purge.object_id) == (Action.DELETE, "processing-log", "1-3")
    assert not AuditRecord.objects.filter(record_id__in=[r.pk for r in records[:3]]).exists()
    head = ChainHead.objects.get(chain=house.pk)
    assert (head.purged_through_sequence, head.purged_through_hash) == (3, records[2].record_hash)
    assert verify_chain(house.pk).ok
    write(house, [40])
    assert verify_chain(house.pk).ok


def test_purge_stops_at_the_first_record_that_has_not_expired() -> None:
    house = HouseFactory.create()
    write(house, [0, 50, 1])  # out of order: the third waits for the second
    assert plan_purge(chain=house.pk, expired_before=T0 + dt.timedelta(hours=24)).count == 1


def test_purging_everything_still_verifies() -> None:
    house = HouseFactory.create()
    write(house, [0, 1])
    assert purge_expired(chain=house.pk, expired_before=T0 + dt.timedelta(days=1)) == 2
    assert verify_chain(house.pk).ok
    assert purge_expired(chain=house.pk, expired_before=T0 + dt.timedelta(days=1)) == 0


def test_removing_a_record_after_the_purge_point_is_still_detected() -> None:
    house = HouseFactory.create()
    write(house, [0, 1, 30, 31, 32])
    purge_expired(chain=house.pk, expired_before=T0 + dt.timedelta(hours=24))
    victim = ProcessingRecord.objects.get(chain=house.pk, sequence=4)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("DELETE FROM logbook_auditrecord WHERE record_id = %s", [victim.pk])
        cursor.execute("DELETE FROM logbook_processingrecord WHERE id = %s", [victim.pk])
    report = verify_chain(house.pk)
    assert not report.ok
    assert "sequence 5" in report.problems[0]


@pytest.mark.postgres
def test_the_purge_setting_is_local_to_its_transaction() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL")
    house = HouseFactory.create()
    write(house, [0, 30])
    purge_expired(chain=house.pk, expired_before=T0 + dt.timedelta(hours=24))
    remaining = ProcessingRecord.objects.get(chain=house.pk, activity_code=ActivityCode.INTAKE)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM logbook_processingrecord WHERE id = %s", [remaining.pk])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gaps=st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=12),
       cut=st.integers(min_value=-10, max_value=6000))
def test_exactly_the_records_before_the_cut_go(gaps: list[int], cut: int) -> None:
    with transaction.atomic():
        house = HouseFactory.create()
        hours, h = [], 0
        for gap in gaps:
            h += gap
            hours.append(h)
        write(house, hours)
        purge_expired(chain=house.pk, expired_before=T0 + dt.timedelta(hours=cut))
        left = sorted(ProcessingRecord.objects.filter(chain=house.pk, activity_code=ActivityCode.INTAKE)
                      .values_list("started_at", flat=True))
        assert left == [T0 + dt.timedelta(hours=x) for x in hours if x >= cut]
        assert verify_chain(house.pk).ok
        transaction.set_rollback(True)
