from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from opencasus.logbook import partitions


class Command(BaseCommand):
    help = ("Create the yearly partitions of the processing log through this year plus --years-ahead "
            "(PostgreSQL; idempotent). --from-year also creates earlier years, moving their records out of "
            "the DEFAULT partition.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--years-ahead", type=int, default=1)
        parser.add_argument("--from-year", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        if not partitions.enabled():
            self.stdout.write("The processing log is not partitioned (PostgreSQL only); nothing to do.")
            return
        created = partitions.ensure_partitions(years_ahead=options["years_ahead"], first_year=options["from_year"])
        for name in created:
            self.stdout.write(f"created {name}")
        for partition in partitions.partitions():
            self.stdout.write(f"{partition.name}: {partition.lower or 'MINVALUE'} .. {partition.upper or 'MAXVALUE'}")
        self.stdout.write(self.style.SUCCESS(f"{len(created)} partition(s) created."))
