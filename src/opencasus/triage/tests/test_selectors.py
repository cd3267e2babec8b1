import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencasus.cases.tests.factories import PersonFactory
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.logbook.verification import verify_chain
from opencasus.triage.selectors import QueueItem, record_queue_list_view, triage_queue
from opencasus.triage.tests.factories import intake

pytestmark = pytest.mark.django_db



def _show(world: World) -> list[QueueItem]:
    items = triage_queue(actor=world.director, house_id=world.house.pk)
    record_queue_list_view(actor=world.director, items=items)
    return items


def _queries(world: World) -> int:
    with CaptureQueriesContext(connection) as queries:
        _show(world)
    return len(queries.captured_queries)


def test_queue_reads_and_logs_in_a_fixed_number_of_queries(world: World) -> None:
    for _ in range(2):
        intake(world)
    _show(world)  # warms the register cache
    few = _queries(world)
    for _ in range(8):
        PersonFactory.create(case=intake(world))
    assert _queries(world) == few


def test_queue_logs_every_person_of_every_case_shown(world: World) -> None:
    cases = [intake(world) for _ in range(3)]
    PersonFactory.create(case=cases[0])
    items = _show(world)
    assert {i.case.pk for i in items} == {c.pk for c in cases}
    for case in cases:
        logged = set(ProcessingRecord.objects.filter(object_type="triage-queue", case_id=case.pk)
                     .values_list("data_subject", flat=True))
        assert logged == {str(p) for p in case.persons.values_list("pseudonym", flat=True)}
    assert verify_chain(world.house.pk).ok


def test_queue_in_a_transaction_looks_up_the_register_once(world: World) -> None:
    """Inside a transaction the register cache is not filled (it might roll back): one lookup per batch."""
    for _ in range(3):
        intake(world)
    with CaptureQueriesContext(connection) as queries:
        _show(world)
    assert len([q for q in queries.captured_queries if "logbook_processingactivity" in q["sql"]]) == 1


def test_the_queue_itself_reads_no_persons_and_logs_nothing(world: World) -> None:
    PersonFactory.create(case=intake(world))
    with CaptureQueriesContext(connection) as queries:
        items = triage_queue(actor=world.director, house_id=world.house.pk)
    assert items
    assert all(not i.subjects for i in items)
    # The hit counts join the persons of the hits; no query reads the persons themselves or writes the log.
    assert not [q for q in queries.captured_queries if 'FROM "cases_person"' in q["sql"] or "logbook_" in q["sql"]]
    assert not ProcessingRecord.objects.filter(object_type="triage-queue").exists()


def test_the_queue_page_logs_only_the_intakes_on_it(world: World) -> None:
    for _ in range(4):
        PersonFactory.create(case=intake(world))
    items = triage_queue(actor=world.director, house_id=world.house.pk)
    record_queue_list_view(actor=world.director, items=items[:2])
    assert all(i.subjects for i in items[:2])
    logged = set(ProcessingRecord.objects.filter(object_type="triage-queue").values_list("case_id", flat=True))
    assert logged == {i.case.pk for i in items[:2]}
