"""A new intake: its persons' pseudonyms under the shared key at once, the questions to the peers after the
commit (a task; in the embedded default a background thread), so that no peer ever holds up the intake."""

from __future__ import annotations

import threading

from django.conf import settings
from django.db import connection, transaction

from opencasus.cases.models import Person
from opencasus.core import events
from opencasus.peers import services
from opencasus.peers.config import peers


def _ask_in_background(case_id: int) -> None:
    from opencasus.peers.tasks import ask_peers

    if not settings.CELERY_TASK_ALWAYS_EAGER:
        ask_peers.delay(case_id)
        return

    def run() -> None:
        try:
            services.peers_ask(case_id=case_id)
        finally:
            connection.close()

    threading.Thread(target=run, name=f"peer-hit-check-{case_id}", daemon=True).start()


def on_intake_filed(event: events.IntakeFiled) -> None:
    if not peers():
        return
    services.pseudonyms_record(persons=list(Person.objects.filter(case_id=event.case_id)))
    transaction.on_commit(lambda: _ask_in_background(event.case_id))


def on_persons_added(event: events.PersonsAdded) -> None:
    """A person recorded after the intake (a group member) is found by the peers like the intake's persons."""
    if not peers():
        return
    services.pseudonyms_record(persons=list(Person.objects.filter(case_id=event.case_id, pk__in=event.person_ids)))
