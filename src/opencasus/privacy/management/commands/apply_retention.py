"""Apply the retention periods: delete what has expired (or, with --dry-run, list it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from opencasus.network.models import House
from opencasus.privacy import deletion


class Command(BaseCommand):
    help = "Delete expired personal data per the houses' retention periods; --dry-run only lists it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List what would go; delete nothing.")
        parser.add_argument("--today", help="Run as on this date (YYYY-MM-DD); default: today.")
        parser.add_argument("--house", type=int, help="Only this house (id).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--today must be a date YYYY-MM-DD") from exc
        houses = House.objects.order_by("pk")
        if options["house"]:
            houses = houses.filter(pk=options["house"])
        for house in houses:
            run = deletion.run_retention(house=house, today=today, dry_run=options["dry_run"])
            kind = "dry run" if run.dry_run else "run"
            self.stdout.write(f"{house.name}: {kind} {today} (#{run.pk})")
            for item in run.items:
                when = "now" if item["due"] else item["expiresOn"]
                self.stdout.write(f"  {when:10} {item['category']:16} {item['objectType']:15} {item['label']}")
            for error in run.errors:
                self.stdout.write(self.style.ERROR(f"  not deleted: {error}"))
            self.stdout.write(f"  total: {run.summary or 'nothing'}")
