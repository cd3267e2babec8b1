from typing import Any

from django.core.management.base import BaseCommand, CommandError

from opencasus.logbook.verification import verify_all


class Command(BaseCommand):
    help = "Verify the hash chains of the processing log; names the first broken record."

    def handle(self, *args: Any, **options: Any) -> None:
        reports = verify_all()
        broken = [r for r in reports if not r.ok]
        for report in reports:
            status = "OK" if report.ok else "BROKEN"
            self.stdout.write(f"chain {report.chain}: {report.records} records {status}")
            for problem in report.problems:
                self.stdout.write(f"  {problem}")
        if broken:
            raise CommandError(f"{len(broken)} chain(s) broken; first: {broken[0].problems[0]}")
        self.stdout.write(self.style.SUCCESS("Processing log intact."))
