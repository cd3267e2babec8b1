"""Rebuild the monthly dashboard summary from the case records (all houses, or one)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opencasus.network.models import House
from opencasus.reporting.summary import dashboard_figures_rebuild_history, dashboard_figures_refresh


def _month(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise CommandError(f"Give the month as YYYY-MM, not {value!r}.") from None


class Command(BaseCommand):
    help = ("Rebuild the monthly dashboard summary of every complete month (from --since, default each "
            "house's first intake); each house in one transaction.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--house", type=int, help="house id (default: every house)")
        parser.add_argument("--since", type=_month, help="first month, YYYY-MM")
        parser.add_argument("--stale-only", action="store_true",
                            help="only stale months and the last complete month (as the periodic task)")

    def handle(self, *args: Any, **options: Any) -> None:
        houses = House.objects.order_by("pk")
        if options["house"] is not None:
            houses = houses.filter(pk=options["house"])
            if not houses.exists():
                raise CommandError(f"Unknown house {options['house']}.")
        for house in houses:
            started = time.perf_counter()
            if options["stale_only"]:
                built = dashboard_figures_refresh(house_id=house.pk)
            else:
                built = dashboard_figures_rebuild_history(house_id=house.pk, since=options["since"])
            self.stdout.write(f"{house.name}: {built} months in {time.perf_counter() - started:.1f} s")
