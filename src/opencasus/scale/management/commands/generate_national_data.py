"""Generate the national-scale data set in PostgreSQL (for benchmarks and load tests, never production)."""

from __future__ import annotations

import random
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from opencasus.scale.generator import build_dashboard_summary, existing_cases, generate, reset_generated, resume_log
from opencasus.scale.plan import Sizes
from opencasus.scale.plans_data import generate_plans


class Command(BaseCommand):
    help = "Fill PostgreSQL with the national data set: --scale 1.0 is ten years of national history."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=0.01, help="1.0 = 1,000,000 cases (default 0.01)")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--reset", action="store_true",
                            help="first remove an earlier generated data set (cases and the log are emptied)")
        parser.add_argument("--resume-log", action="store_true",
                            help="write the processing log of houses an interrupted run did not reach")
        parser.add_argument("--plans-only", action="store_true",
                            help="only add plans and agreements to admitted cases that have none")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("Generated data is never loaded in production.")
        if connection.vendor != "postgresql":
            raise CommandError("The national data set needs PostgreSQL (it is written with COPY).")
        if options["resume_log"]:
            started = time.perf_counter()
            count = resume_log(progress=self.stdout.write)
            self.stdout.write(f"{count:,} log records in {time.perf_counter() - started:.0f} s")
            return
        if options["plans_only"]:
            started = time.perf_counter()
            plans, agreements = generate_plans(Sizes.at(options["scale"]).agreements,
                                               random.Random(options["seed"]), timezone.now())  # noqa: S311
            self.stdout.write(f"{plans:,} plans, {agreements:,} agreements in {time.perf_counter() - started:.0f} s")
            started = time.perf_counter()
            months = build_dashboard_summary()
            self.stdout.write(f"dashboard summary: {months:,} house months in {time.perf_counter() - started:.0f} s")
            return
        if options["reset"]:
            reset_generated()
        elif existing_cases():
            raise CommandError("The database already holds cases; use --reset on a benchmark database.")
        report = generate(options["scale"], seed=options["seed"], progress=self.stdout.write)
        self.stdout.write("")
        self.stdout.write(f"{'table':18} {'rows':>12} {'seconds':>9}")
        for name, count in report.counts.items():
            self.stdout.write(f"{name:18} {count:>12,} {report.seconds.get(name, 0.0):>9.1f}")
        for name in ("network", "python", "analyze"):
            self.stdout.write(f"{name:18} {'':>12} {report.seconds.get(name, 0.0):>9.1f}")
        self.stdout.write(self.style.SUCCESS(
            f"Generated scale {report.sizes.scale} in {report.total_seconds:.0f} s"))
