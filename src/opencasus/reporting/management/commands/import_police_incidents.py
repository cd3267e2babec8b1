"""Import a CSV file of police incident counts for the recidivism measurement, with progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from opencasus.accounts.models import User
from opencasus.reporting.imports import incident_import_run, incident_import_start
from opencasus.reporting.models import IncidentImport


class Command(BaseCommand):
    help = "Import police incident counts (person_pseudonym,incident_date,count[,source]) into a house."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--house", type=int, required=True, help="house id")
        parser.add_argument("--user", required=True, help="username of the process director, secretary or manager")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Unknown user {options['user']!r}.")
        path: Path = options["file"]
        try:
            job = incident_import_start(actor=user, house_id=options["house"], filename=path.name,
                                        content=path.read_bytes())
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        except OSError as error:
            raise CommandError(str(error)) from None
        except Exception as error:  # Http404: not allowed in this house
            raise CommandError(f"Not allowed to import into house {options['house']}.") from error

        def progress(current: IncidentImport) -> None:
            self.stdout.write(f"{current.processed_rows}/{current.total_rows} rows "
                              f"({current.progress_percent}%), {current.accepted_rows} imported, "
                              f"{len(current.rejected)} rejected")

        job = incident_import_run(import_id=job.pk, on_progress=progress)
        for item in job.rejected:
            self.stdout.write(f"line {item['line']}: {item['reason']}")
        self.stdout.write(self.style.SUCCESS(
            f"Import {job.pk}: {job.accepted_rows} rows imported, {len(job.rejected)} rejected."))
