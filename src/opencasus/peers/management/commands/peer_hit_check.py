"""Ask the peer installations about the persons of a case now (as the intake does in the background) and print
each peer's answer: hit (house, stage, contact), not known, or did not answer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opencasus.cases.models import Case
from opencasus.peers import services
from opencasus.peers.config import peers


class Command(BaseCommand):
    help = "Ask the peer installations about the persons of a case (by its reference) and print the answers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("reference")

    def handle(self, *args: Any, **options: Any) -> None:
        if not peers():
            raise CommandError("No peers configured.")
        case = Case.objects.filter(reference=options["reference"]).first()
        if case is None:
            raise CommandError(f"No case {options['reference']}.")
        for check in services.peers_ask(case_id=case.pk):
            if check.status == "answered":
                hits = "; ".join(f"{h['houseName']} ({h['where']})" for h in check.hits) or "not known"
                self.stdout.write(f"{check.peer}: {hits}")
            else:
                self.stdout.write(f"{check.peer}: did not answer ({check.error})")
