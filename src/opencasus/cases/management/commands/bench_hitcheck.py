"""Benchmark of the hit check on a generated data set: prints figures, asserts nothing.

    DATABASE_URL=postgres://…/opencasus_bench OPENCASUS_FIELD_KEY=… \\
        .venv/bin/python manage.py bench_hitcheck --cases 200

Takes the most recent active cases that have persons, runs `hit_check` for each as a process
director of the case's house, inside a transaction that is rolled back (the check writes its
log records and kept hits), and prints the number of persons searched, the median, p95 and
maximum time, the queries per check and the query plans of the two lookups.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import Q

from opencasus.cases.hitcheck import hit_check
from opencasus.cases.models import Case, Person
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.network.models import Membership, Role


class RollbackError(Exception):
    pass


class Command(BaseCommand):
    help = "Measure the hit check on the current database (prints figures; writes are rolled back)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=200, help="how many active cases to check")
        parser.add_argument("--explain", action="store_true", help="print the query plans of one check")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Run the benchmark on PostgreSQL.")
        persons_total = Person.objects.count()
        cases = list(Case.objects.filter(status__in=ACTIVE_STATUSES, persons__isnull=False).distinct()
                     .order_by("-pk")[: options["cases"]])
        directors = {m.house_id: m.user for m in Membership.objects.active().filter(
            role=Role.PROCESS_DIRECTOR, house_id__in={c.house_id for c in cases}).select_related("user")}
        timings, queries, hits, searched = [], [], 0, 0
        for case in cases:
            actor = directors.get(case.house_id)
            if actor is None:
                continue
            searched += case.persons.count()
            executed: list[str] = []

            def capture(execute: Any, sql: str, params: Any, many: bool, context: Any,
                        executed: list[str] = executed) -> Any:
                executed.append(sql)
                return execute(sql, params, many, context)

            try:
                with transaction.atomic(), connection.execute_wrapper(capture):
                    started = time.perf_counter()
                    found = hit_check(actor=actor, case=case)
                    timings.append((time.perf_counter() - started) * 1000)
                    hits += len(found)
                    raise RollbackError
            except RollbackError:
                pass
            queries.append(len(executed))
        if not timings:
            raise CommandError("No active cases with persons and a process director found.")
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        self.stdout.write(f"persons in the database: {persons_total:,}")
        self.stdout.write(f"checks: {len(timings)} (persons searched: {searched}, hits found: {hits})")
        self.stdout.write(f"hit check ms: median {statistics.median(timings):.1f}, p95 {p95:.1f}, "
                          f"max {timings[-1]:.1f}; queries per check: median {statistics.median(queries):.0f}")
        if options["explain"]:
            self._explain(cases[0])

    def _explain(self, case: Case) -> None:
        persons = list(Person.objects.filter(case=case))
        others = (Person.objects.filter(case__status__in=ACTIVE_STATUSES).exclude(case_id=case.pk).order_by()
                  .values("pk", "bsn_hash", "date_of_birth", "name_key", "case__house_id", "case__status"))
        name_q = Q()
        for p in persons:
            if p.date_of_birth:
                name_q |= Q(date_of_birth=p.date_of_birth, name_key=p.name_key)
        lookups = [("bsn", others.filter(bsn_hash__in={p.bsn_hash for p in persons if p.bsn_hash}))]
        if name_q:
            lookups.append(("name and date of birth", others.filter(name_q)))
        for label, qs in lookups:
            sql, params = qs.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                self.stdout.write(f"-- {label}")
                for (line,) in cursor.fetchall():
                    self.stdout.write(line)
