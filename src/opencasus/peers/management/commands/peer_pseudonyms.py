"""Record every person of this installation under the shared key (after the key or the peers were configured,
or after the key changed). Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from opencasus.cases.models import Person
from opencasus.peers import services
from opencasus.peers.config import peers

BATCH = 1000


class Command(BaseCommand):
    help = "Record every person under the pseudonym key the installations share (for the peer hit check)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not peers():
            raise CommandError("No peers configured (OPENCASUS_INSTALLATION_NAME, OPENCASUS_PEER_PSEUDONYM_KEY, "
                               "OPENCASUS_PEERS).")
        ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            services.pseudonyms_record(persons=list(Person.objects.filter(pk__in=ids[start:start + BATCH])))
        self.stdout.write(f"persons recorded under the shared key: {len(ids)}")
