from collections.abc import Iterable

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.logbook.models import Action, ActivityCode, AuditRecord, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.logbook.verification import verify_all, verify_chain
from opencasus.network.models import House
from opencasus.network.tests.factories import HouseFactory

pytestmark = pytest.mark.django_db


def write(house: House, n: int = 3, subjects: Iterable[str] = ("p1",)) -> None:
    for i in range(n):
        record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="test", house_id=house.pk,
                          who=Who(user_id=1, username="u", organisation_id=2, role="secretary"),
                          data_subjects=subjects, object_type="case", object_id=i, case_id=i)


def test_one_record_per_data_subject_with_separate_audit_record() -> None:
    house = HouseFactory.create()
    records = record_processing(
        action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose="Beoordelen aanmelding", house_id=house.pk,
        who=Who(user_id=7, username="jan", organisation_id=3, role="process_director"),
        data_subjects=["a", "b", "a"], case_id=10)
    assert [r.data_subject for r in records] == ["a", "b"]
    assert all(r.activity and r.activity.code == "intake" for r in records)
    assert records[0].trace_id == records[1].trace_id
    assert records[0].span_id != records[1].span_id
    audit = AuditRecord.objects.get(record=records[0])
    assert (audit.user_id, audit.username, audit.role) == (7, "jan", "process_director")
    # The processing record itself names no professional.
    fields = {f.name for f in ProcessingRecord._meta.get_fields()}
    assert not {"user_id", "username"} & fields


def test_chain_verifies() -> None:
    house = HouseFactory.create()
    write(house, 5, subjects=("x", "y"))
    reports = verify_all()
    assert all(r.ok for r in reports)
    assert sum(r.records for r in reports) == 10


def _tamper(sql: str, params: list[str | int]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")  # bypass the trigger, as an attacker
        cursor.execute(sql, params)


@pytest.mark.parametrize("kind", ["alter", "alter-audit", "audit-time", "remove", "insert", "remove-last"])
def test_verification_names_the_first_broken_record(kind: str) -> None:
    house = HouseFactory.create()
    write(house, 6)
    records = list(ProcessingRecord.objects.filter(chain=house.pk).order_by("sequence"))
    target = records[2]
    with transaction.atomic():
        if kind == "alter":
            _tamper("UPDATE logbook_processingrecord SET purpose = %s WHERE id = %s", ["anders", target.pk])
        elif kind == "alter-audit":
            _tamper("UPDATE logbook_auditrecord SET username = %s WHERE record_id = %s", ["iemand", target.pk])
        elif kind == "audit-time":  # the copy of started_at no longer matches: the searches would misplace it
            _tamper("UPDATE logbook_auditrecord SET started_at = %s WHERE record_id = %s",
                    ["2001-01-01T00:00:00+00:00", target.pk])
        elif kind == "remove":
            _tamper("DELETE FROM logbook_auditrecord WHERE record_id = %s", [target.pk])
            _tamper("DELETE FROM logbook_processingrecord WHERE id = %s", [target.pk])
        elif kind == "insert":
            _tamper("UPDATE logbook_processingrecord SET sequence = sequence + 1000 "
                    "WHERE chain = %s AND sequence >= %s",
                    [house.pk, target.sequence])
            _tamper("UPDATE logbook_processingrecord SET sequence = sequence - 999 WHERE chain = %s AND sequence >= %s",
                    [house.pk, target.sequence + 1000])
            fake = ProcessingRecord.objects.get(pk=records[0].pk)
            fake.pk = None
            fake.sequence = target.sequence
            fake.previous_hash = records[1].record_hash
            fake.save()
            AuditRecord.objects.create(record=fake, username="ingevoegd", started_at=fake.started_at)
        elif kind == "remove-last":
            last = records[-1]
            _tamper("DELETE FROM logbook_auditrecord WHERE record_id = %s", [last.pk])
            _tamper("DELETE FROM logbook_processingrecord WHERE id = %s", [last.pk])
    report = verify_chain(house.pk)
    assert not report.ok
    expected = records[-1].sequence if kind == "remove-last" else target.sequence
    assert f"sequence {expected}" in report.problems[0] or f"sequence {expected - 1}" in report.problems[0]


def test_verify_command_fails_on_tampering() -> None:
    from django.core.management import CommandError, call_command

    house = HouseFactory.create()
    write(house, 2)
    call_command("verify_processing_log")
    rec = ProcessingRecord.objects.filter(chain=house.pk).first()
    assert rec is not None
    with transaction.atomic():
        _tamper("UPDATE logbook_processingrecord SET data_subject = %s WHERE id = %s", ["zz", rec.pk])
    with pytest.raises(CommandError, match=f"record id {rec.pk}"):
        call_command("verify_processing_log")


def test_log_write_rolls_back_with_the_transaction() -> None:
    house = HouseFactory.create()
    with pytest.raises(RuntimeError), transaction.atomic():
        write(house, 1)
        raise RuntimeError
    assert not ProcessingRecord.objects.exists()
    write(house, 1)
    assert verify_chain(house.pk).ok


def test_register_entry_is_looked_up_once_per_minute(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from django.test.utils import CaptureQueriesContext

    from opencasus.logbook import services

    house = HouseFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        write(house, n=1)
    with CaptureQueriesContext(connection) as queries:
        write(house, n=2)
    assert not [q for q in queries.captured_queries if "logbook_processingactivity" in q["sql"]]
    assert ProcessingRecord.objects.filter(house_id=house.pk, activity__code="intake").count() == 3
    services._activity_ids[(house.pk, "intake")] = (0.0, -1)  # an entry older than the cache's lifetime
    write(house, n=1)
    assert ProcessingRecord.objects.filter(house_id=house.pk, activity__code="intake").count() == 4


def test_unregistered_activity_is_logged_without_register_entry_and_found_once_registered() -> None:
    from opencasus.logbook.models import ProcessingActivity

    house = HouseFactory.create()
    ProcessingActivity.objects.filter(house=house, code="intake").delete()
    write(house, n=1)
    assert ProcessingRecord.objects.get(house_id=house.pk).activity_id is None
    ProcessingActivity.objects.create(house=house, code="intake", name="Aanmelding", purpose="p", legal_basis="b")
    write(house, n=1)
    assert ProcessingRecord.objects.filter(house_id=house.pk, activity__code="intake").count() == 1


def test_an_entry_read_in_a_rolled_back_transaction_is_not_cached(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from opencasus.logbook import services

    house = HouseFactory.create()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        write(house, n=1)
        transaction.set_rollback(True)
    assert not callbacks
    assert (house.pk, "intake") not in services._activity_ids


def test_verify_all_lists_the_chains_not_every_record() -> None:
    """The chains with records are found with one DISTINCT over the chain only (at 20 million records a
    DISTINCT over chain and sequence ran for an hour), and a chain whose head is gone is still verified."""
    house = HouseFactory.create()
    write(house, 3)
    _tamper("DELETE FROM logbook_chainhead WHERE chain = %s", [house.pk])
    with CaptureQueriesContext(connection) as queries:
        reports = verify_all()
    distinct = [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"]]
    assert len(distinct) == 1
    assert "sequence" not in distinct[0]
    assert [r.records for r in reports if r.chain == house.pk] == [3]
