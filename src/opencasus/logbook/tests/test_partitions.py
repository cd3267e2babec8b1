"""The yearly partitions of the processing log on PostgreSQL: creation, append-only, whole-year purge."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from opencasus.logbook import partitions
from opencasus.logbook.models import Action, ActivityCode, AuditRecord, ChainHead, ProcessingRecord
from opencasus.logbook.retention import PURGE_OBJECT_TYPE, purge_expired
from opencasus.logbook.services import Who, record_processing
from opencasus.logbook.verification import verify_chain
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
Y2019 = dt.datetime(2019, 3, 1, 12, tzinfo=dt.UTC)
Y2021 = dt.datetime(2021, 3, 1, 12, tzinfo=dt.UTC)
CUT = dt.datetime(2020, 6, 1, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the log is partitioned on PostgreSQL only")


def write(house: House, *moments: dt.datetime | None) -> list[ProcessingRecord]:
    return [record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="t", house_id=house.pk,
                              who=Who(username="u"), data_subjects=["p"], started_at=m)[0] for m in moments]


def table_of(record: ProcessingRecord) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM logbook_processingrecord WHERE id = %s", [record.pk])
        row = cursor.fetchone()
    assert row is not None
    return str(row[0])


def test_the_log_is_partitioned_with_this_and_next_year_and_a_default() -> None:
    assert partitions.enabled()
    year = timezone.localdate().year
    names = {p.name for p in partitions.partitions()}
    assert {partitions.year_partition_name(year), partitions.year_partition_name(year + 1)} <= names
    [record] = write(HouseFactory.create(), None)
    assert table_of(record) == partitions.year_partition_name(timezone.localtime(record.started_at).year)
    [old] = write(HouseFactory.create(), dt.datetime(1999, 1, 1, 12, tzinfo=dt.UTC))
    assert table_of(old) == partitions.DEFAULT


def test_ensure_partitions_is_idempotent_and_moves_records_out_of_the_default_partition() -> None:
    house = HouseFactory.create()
    [old] = write(house, Y2019)
    assert table_of(old) == partitions.DEFAULT
    created = partitions.ensure_partitions(first_year=2019)
    assert partitions.year_partition_name(2019) in created
    assert table_of(old) == partitions.year_partition_name(2019)
    assert partitions.ensure_partitions(first_year=2019) == []
    assert verify_chain(house.pk).ok


def test_the_command_creates_the_years_ahead(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("ensure_log_partitions", "--years-ahead", "3")
    year = timezone.localdate().year
    assert partitions.year_partition_name(year + 3) in {p.name for p in partitions.partitions()}
    call_command("ensure_log_partitions", "--years-ahead", "3")
    assert "0 partition(s) created" in capsys.readouterr().out


@pytest.mark.parametrize("statement", [
    "UPDATE {table} SET purpose = 'x' WHERE id = %s",
    "DELETE FROM {table} WHERE id = %s",
])
def test_update_and_delete_are_refused_on_the_partitioned_table_and_on_each_partition(statement: str) -> None:
    partitions.ensure_partitions(first_year=2019)  # a partition created after the migration
    records = write(HouseFactory.create(), Y2019, None, dt.datetime(1999, 1, 1, tzinfo=dt.UTC))
    for record in records:
        for table in ("logbook_processingrecord", table_of(record)):
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
                    connection.cursor() as cursor:
                cursor.execute(statement.format(table=table), [record.pk])
    assert ProcessingRecord.objects.filter(pk__in=[r.pk for r in records], purpose="t").count() == 3


def test_a_year_that_expired_for_every_chain_is_dropped_whole() -> None:
    partitions.ensure_partitions(first_year=2019)
    one, two = HouseFactory.create(), HouseFactory.create()
    old_one = write(one, Y2019, Y2019 + dt.timedelta(hours=1))
    old_two = write(two, Y2019)
    write(one, Y2021)
    write(two, Y2021)
    removed = purge_expired(chain=one.pk, expired_before=CUT, others_expired_before={two.pk: CUT})
    assert removed == 2
    assert partitions.year_partition_name(2019) not in {p.name for p in partitions.partitions()}
    assert not AuditRecord.objects.filter(record_id__in=[r.pk for r in old_one + old_two]).exists()
    assert not ProcessingRecord.objects.filter(started_at__lt=CUT).exists()
    assert ChainHead.objects.get(chain=one.pk).purged_through_sequence == 2
    assert ChainHead.objects.get(chain=two.pk).purged_through_sequence == 1
    for house, expected in ((one, "1-2"), (two, "1-1")):
        purge = ProcessingRecord.objects.get(chain=house.pk, object_type=PURGE_OBJECT_TYPE)
        assert (purge.action, purge.object_id) == (Action.DELETE, expected)
        assert verify_chain(house.pk).ok


def test_a_year_another_chain_still_keeps_is_purged_row_by_row() -> None:
    partitions.ensure_partitions(first_year=2019)
    one, two = HouseFactory.create(), HouseFactory.create()
    write(one, Y2019, Y2021)
    write(two, Y2019)
    assert purge_expired(chain=one.pk, expired_before=CUT) == 1  # two's moment is unknown: never expires
    assert partitions.year_partition_name(2019) in {p.name for p in partitions.partitions()}
    assert ProcessingRecord.objects.filter(chain=two.pk, started_at=Y2019).exists()
    assert not ProcessingRecord.objects.filter(chain=one.pk, started_at=Y2019).exists()
    assert verify_chain(one.pk).ok
    assert verify_chain(two.pk).ok


def test_a_year_whose_records_are_not_the_start_of_their_chain_stays() -> None:
    partitions.ensure_partitions(first_year=2019)
    house = HouseFactory.create()
    write(house, Y2019, Y2021, Y2019 + dt.timedelta(hours=1))  # the third waits for the second
    assert purge_expired(chain=house.pk, expired_before=CUT) == 1
    assert partitions.year_partition_name(2019) in {p.name for p in partitions.partitions()}
    assert ChainHead.objects.get(chain=house.pk).purged_through_sequence == 1
    assert verify_chain(house.pk).ok


def test_records_already_behind_the_purge_point_do_not_block_the_drop() -> None:
    partitions.ensure_partitions(first_year=2019)
    house = HouseFactory.create()
    write(house, Y2019, Y2019 + dt.timedelta(hours=1))
    head = ChainHead.objects.get(chain=house.pk)  # as the generator leaves its stand-in history
    ChainHead.objects.filter(pk=head.pk).update(purged_through_sequence=1, purged_through_hash=ProcessingRecord.objects
                                                .get(chain=house.pk, sequence=1).record_hash)
    assert purge_expired(chain=house.pk, expired_before=CUT) == 1
    assert partitions.year_partition_name(2019) not in {p.name for p in partitions.partitions()}
    assert verify_chain(house.pk).ok
