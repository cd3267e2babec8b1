"""Two members of the triage table decide on the same intake at the same moment (PostgreSQL row locks)."""

import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections

from opencasus.cases.models import StatusChange
from opencasus.cases.workflow import Status
from opencasus.network.models import Municipality, Region
from opencasus.network.reference import load_reference_data
from opencasus.triage import services
from opencasus.triage.models import Decision, Outcome
from opencasus.triage.services import DecisionInput
from opencasus.triage.tests.factories import admit, intake, make_world, meets


# Decided before the database is set up: SQLite serialises writes itself and has no row locks.
@pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_one_wins_the_other_is_refused() -> None:
    # A transactional test empties the tables after it ran, reference data included: load it again.
    load_reference_data(Region, Municipality)
    world = make_world()
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def decide(name: str, actor, data) -> None:
        try:
            barrier.wait()
            results[name] = services.decision_record(actor=actor, case_id=case.pk, data=data)
        except ValidationError as exc:
            results[name] = exc
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=decide, args=("admit", world.director, admit(world))),
        threading.Thread(target=decide, args=("decline", world.secretary,
                                              DecisionInput(outcome=Outcome.DECLINE, grounds="Niet complex."))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refused = [r for r in results.values() if isinstance(r, ValidationError)]
    assert len(refused) == 1
    assert refused[0].code == "invalid_transition"
    assert Decision.objects.filter(case=case).count() == 1
    assert StatusChange.objects.filter(case=case).exclude(to_status=Status.IN_TRIAGE).count() == 1
