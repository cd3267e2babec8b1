"""Server time of the main pages at demo scale (`make bench`): median and p95 per page, against 150 ms."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from opencasus.scale.bench.harness import measure
from opencasus.scale.bench.pages import TARGET_MS, ensure_database, load_demo, page_operations


class Command(BaseCommand):
    help = "Benchmark the server time of the main pages on the demo data (loaded first, idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--iterations", type=int, default=50)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--no-load", action="store_true", help="use the data as it is (skip migrate/load_demo)")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.DEBUG:
            raise CommandError("Run the benchmarks with DEBUG off (DEBUG=false): query logging distorts them.")
        if not options["no_load"]:
            ensure_database()
            load_demo()
        started = time.perf_counter()
        self.stdout.write(f"Pages at demo scale: server time per request, {options['iterations']} runs after "
                          f"{options['warmup']} warm-up runs; target: median <= {TARGET_MS} ms")
        header = f"{'page':46} {'median ms':>10} {'p95 ms':>8}  target"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for op in page_operations():
            if isinstance(op, str):
                self.stdout.write(f"not measured: {op}")
                continue
            result = measure(op, iterations=options["iterations"], warmup=options["warmup"])
            verdict = "ok" if result.median * 1000 <= TARGET_MS else "OVER"
            self.stdout.write(f"{op.name:46} {result.median * 1000:10.2f} {result.p95 * 1000:8.2f}  {verdict}")
        self.stdout.write(f"\nPage benchmark took {time.perf_counter() - started:.0f} s")
