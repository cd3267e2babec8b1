"""Benchmarks against the generated data set: real code path, database floor, ratio (`make bench`)."""

from __future__ import annotations

import os
import platform
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from opencasus.scale.bench import explain
from opencasus.scale.bench.harness import Operation, Result, measure, raw_connection, table
from opencasus.scale.bench.operations import operations, pick_actors


def machine() -> str:
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            memory = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        buffers = cursor.fetchone()[0]
    return (f"{os.cpu_count()} CPUs, {memory} memory, {platform.python_implementation()} "
            f"{platform.python_version()}, PostgreSQL {pg} (shared_buffers {buffers}), load {os.getloadavg()[0]:.1f}")


def sizes() -> str:
    parts = []
    with connection.cursor() as cursor:
        for label, table_name in (("cases", "cases_case"), ("persons", "cases_person"),
                                  ("participants", "cases_participant"), ("agreements", "plans_agreement"),
                                  ("log records", "logbook_processingrecord")):
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table_name])
            if cursor.fetchone()[0]:
                cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table_name])
                parts.append(f"{label} ~{cursor.fetchone()[0]:,}")
    return ", ".join(parts)


class Command(BaseCommand):
    help = "Benchmark the main operations against the generated national data set."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--iterations", type=int, default=50)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--explain", action="store_true",
                            help="also print EXPLAIN (ANALYZE, BUFFERS) of the case-list and hit-check queries")
        parser.add_argument("--only", default="", help="only operations whose name contains this text")
        parser.add_argument("--profile", default="",
                            help="profile the operations whose name contains this text with pyinstrument")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The benchmarks run against PostgreSQL with a generated data set.")
        if settings.DEBUG:
            raise CommandError("Run the benchmarks with DEBUG off (DEBUG=false): query logging distorts them.")
        actors = pick_actors()
        self.stdout.write(f"Machine: {machine()}")
        self.stdout.write(f"Data: {sizes()}")
        self.stdout.write(
            f"Actors: house {actors.house_id} ({actors.cases_in_house:,} cases); partner {actors.partner.username} "
            f"({actors.partner_cases} running cases, busiest tenth); director {actors.director.username}; "
            f"case {actors.detail_case_id}; hit-check case {actors.hit_case_id}")
        self.stdout.write(f"Iterations: {options['iterations']} after {options['warmup']} warm-up runs; times in ms")
        self.stdout.write("")
        raw = raw_connection()
        results: list[Result] = []
        missing: list[str] = []
        started = time.perf_counter()
        for op in operations(actors):
            if isinstance(op, str):
                missing.append(op)
                continue
            if options["only"] and options["only"] not in op.name:
                continue
            results.append(measure(op, iterations=options["iterations"], warmup=options["warmup"], raw=raw))
        self.stdout.write(table(results))
        by_name = {r.name: r for r in results}
        with_log = by_name.get("case detail, committed, WITH log")
        without_log = by_name.get("case detail, committed, WITHOUT log")
        if with_log and without_log:
            overhead = (with_log.median - without_log.median) / without_log.median * 100
            self.stdout.write(f"\nLogging overhead on a case-detail request (medians, committed): {overhead:.1f} %")
        for line in missing:
            self.stdout.write(f"not measured: {line}")
        self.stdout.write(f"\nBenchmark run took {time.perf_counter() - started:.0f} s")
        if options["explain"]:
            for op in operations(actors):
                if isinstance(op, Operation) and op.name.startswith(("case list, partner (selector",
                                                                     "hit check")):
                    self.stdout.write(f"\n=== EXPLAIN (ANALYZE, BUFFERS): {op.name}")
                    self.stdout.write(explain.slowest_plans(op, raw))
        if options["profile"]:
            for op in operations(actors):
                if isinstance(op, Operation) and options["profile"] in op.name:
                    self.stdout.write(f"\n=== Profile (pyinstrument, {options['iterations']} runs): {op.name}")
                    self.stdout.write(profile(op, options["iterations"]))
        raw.close()


def profile(op: Operation, iterations: int) -> str:
    from pyinstrument import Profiler

    from opencasus.scale.bench.harness import call

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(iterations):
        call(op)
    profiler.stop()
    return str(profiler.output_text(unicode=False, color=False, show_all=False))
