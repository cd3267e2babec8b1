"""Fill PostgreSQL with the national data set (`manage.py generate_national_data --scale F`).

Network rows go in with bulk inserts; cases, persons, status changes, participants and staged
log events with COPY; the processing log is expanded server-side (one record per person per
event) with INSERT … SELECT, numbered per house chain. Nothing is switched off: constraints,
indexes and the append-only trigger stay in place (the trigger only refuses UPDATE and DELETE).

Generated history does not carry valid hashes: its records have random-looking hashes, and the
chain head of each house is advanced past them as after a retention purge
(`purged_through_sequence`), so `verify_chain` checks what is appended after generation.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.logbook.models import ChainHead
from opencasus.logbook.partitions import ensure_partitions
from opencasus.scale.case_data import (
    CASE_COLUMNS,
    EVENT_COLUMNS,
    PARTICIPANT_COLUMNS,
    PERSON_COLUMNS,
    STATUS_COLUMNS,
    CaseGenerator,
    case_events,
    event_weight,
)
from opencasus.scale.copying import copy_rows, reserve_ids
from opencasus.scale.network_data import USERNAME_PREFIX, build_network
from opencasus.scale.plan import YEARS, Sizes
from opencasus.scale.plans_data import generate_plans

EVENT_TABLE = "scale_event"


@dataclass
class Report:
    sizes: Sizes
    seconds: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def _stochastic_round(rng: random.Random, value: float) -> int:
    whole = math.floor(value)
    return whole + (1 if rng.random() < value - whole else 0)


def _timed(report: Report, name: str, func: Callable[..., int], *args: Any) -> None:
    started = time.perf_counter()
    report.counts[name] = report.counts.get(name, 0) + func(*args)
    report.seconds[name] = report.seconds.get(name, 0.0) + time.perf_counter() - started


def generate(scale: float, *, seed: int = 2026, now: dt.datetime | None = None,
             progress: Callable[[str], None] = lambda _: None) -> Report:
    if connection.vendor != "postgresql":
        raise RuntimeError("The national data set is generated with COPY and needs PostgreSQL.")
    sizes = Sizes.at(scale)
    report = Report(sizes=sizes)
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible by seed
    now = now or timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        networks = build_network(sizes, rng)
    report.seconds["network"] = time.perf_counter() - started
    report.counts["houses"] = len(networks)
    report.counts["professionals"] = User.objects.filter(username__startswith=USERNAME_PREFIX).count()
    progress(f"network: {len(networks)} houses, {report.counts['professionals']} professionals")

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {EVENT_TABLE}")
        cursor.execute(
            f"CREATE UNLOGGED TABLE {EVENT_TABLE} (id bigint, case_id bigint, house_id bigint, "
            "started_at timestamptz, action varchar(10), activity_code varchar(50), user_id bigint, "
            "organisation_id bigint, role varchar(32))")
    generator = CaseGenerator(rng, now, YEARS)
    total_weight = sum(n.weight for n in networks)
    event_id = 1
    for net in networks:
        n_cases = max(1, round(sizes.cases * net.weight / total_weight))
        log_target = sizes.log_records * n_cases / sizes.cases
        with transaction.atomic():
            first = reserve_ids("cases_case", n_cases)
            t0 = time.perf_counter()
            batch = generator.house_batch(net, n_cases, first)
            report.seconds["python"] = report.seconds.get("python", 0.0) + time.perf_counter() - t0
            _timed(report, "cases", copy_rows, "cases_case", CASE_COLUMNS, batch.cases)
            _timed(report, "persons", copy_rows, "cases_person", PERSON_COLUMNS, batch.persons)
            _timed(report, "status_changes", copy_rows, "cases_statuschange", STATUS_COLUMNS, batch.status_changes)
            _timed(report, "participants", copy_rows, "cases_participant", PARTICIPANT_COLUMNS, batch.participants)
            weights = [(life, event_weight(life), max(1, life[5])) for life in batch.lives]
            factor = log_target / sum(w * r for _, w, r in weights)
            events: list[tuple[Any, ...]] = []
            for life, weight, _ in weights:
                count = max(1, _stochastic_round(rng, weight * factor))
                events.extend(case_events(rng, life, count, event_id, net.house_id, net.core_staff))
                event_id += count
            _timed(report, "events", copy_rows, EVENT_TABLE, EVENT_COLUMNS, events)
        progress(f"house {net.region_code}: {n_cases} cases, {len(batch.persons)} persons, {len(events)} events")

    started = time.perf_counter()
    report.counts["plans"], report.counts["agreements"] = generate_plans(sizes.agreements, rng, now)
    report.seconds["agreements"] = time.perf_counter() - started
    progress(f"plans: {report.counts['plans']}, agreements: {report.counts['agreements']}")
    ensure_log_partitions(now)
    for net in networks:
        with transaction.atomic():
            _timed(report, "log_records", expand_log, net.house_id)
        progress(f"log for house {net.region_code}: {report.counts['log_records']} records so far")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {EVENT_TABLE}")
        started = time.perf_counter()
        for table in ("cases_case", "cases_person", "cases_participant", "cases_statuschange",
                      "logbook_processingrecord", "logbook_auditrecord"):
            cursor.execute(f"ANALYZE {table}")
        report.seconds["analyze"] = time.perf_counter() - started
    started = time.perf_counter()
    report.counts["summary_months"] = build_dashboard_summary(progress)
    report.seconds["summary_months"] = time.perf_counter() - started
    return report


def ensure_log_partitions(now: dt.datetime) -> list[str]:
    """On a partitioned log: a partition for every year of the staged history, so none of it lands in DEFAULT."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(started_at) FROM {EVENT_TABLE}")  # noqa: S608 - constant name
        first = cursor.fetchone()[0]
    return ensure_partitions(today=timezone.localdate(now),
                             first_year=timezone.localtime(first).year if first else None)


def build_dashboard_summary(progress: Callable[[str], None] = lambda _: None) -> int:
    """Build the monthly dashboard summary of every house from the generated history (one transaction each),
    so that dashboards read it as they would in an installation whose summary job runs."""
    from opencasus.network.models import House
    from opencasus.reporting.summary import dashboard_figures_rebuild_history

    months = 0
    for house_id in House.objects.order_by("pk").values_list("pk", flat=True):
        months += dashboard_figures_rebuild_history(house_id=house_id)
    with connection.cursor() as cursor:
        for table in ("reporting_monthlyfigure", "reporting_summarymonth"):
            cursor.execute(f"ANALYZE {table}")
    progress(f"dashboard summary: {months} house months")
    return months


def expand_log(house_id: int) -> int:
    """One processing record (and audit record) per person per staged event of one house, in time order."""
    head, _ = ChainHead.objects.select_for_update().get_or_create(chain=house_id)
    offset = head.last_sequence
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute(
            "CREATE TEMP TABLE scale_src ON COMMIT DROP AS "
            "SELECT row_number() OVER (ORDER BY e.started_at, e.id, p.id) AS n, e.*, "
            "COALESCE(p.pseudonym::text, '') AS subject "
            "FROM scale_event e LEFT JOIN cases_person p ON p.case_id = e.case_id WHERE e.house_id = %s",
            [house_id])
        cursor.execute("SELECT count(*) FROM scale_src")
        count = int(cursor.fetchone()[0])
        if not count:
            cursor.execute("DROP TABLE scale_src")
            return 0
        first = reserve_ids("logbook_processingrecord", count)
        # Hashes of generated history are stand-ins (md5 of the id), see the module docstring.
        cursor.execute(
            "INSERT INTO logbook_processingrecord (id, chain, sequence, trace_id, span_id, parent_span_id, action, "
            "started_at, ended_at, outcome, house_id, activity_id, activity_code, purpose, object_type, object_id, "
            "case_id, data_subject, previous_hash, record_hash) "
            "SELECT %(first)s + s.n - 1, %(house)s, %(offset)s + s.n, md5('t' || s.id), "
            "substr(md5('s' || s.n || '-' || %(house)s), 1, 16), substr(md5('p' || s.id), 1, 16), s.action, "
            "s.started_at, s.started_at + interval '35 milliseconds', 'success', %(house)s, a.id, s.activity_code, "
            "COALESCE(NULLIF(c.purpose, ''), c.requested_purpose), 'case', s.case_id::text, s.case_id, s.subject, "
            "CASE WHEN s.n = 1 THEN %(last_hash)s "
            "ELSE md5('r' || (%(first)s + s.n - 2)) || md5('h' || (%(first)s + s.n - 2)) END, "
            "md5('r' || (%(first)s + s.n - 1)) || md5('h' || (%(first)s + s.n - 1)) "
            "FROM scale_src s JOIN cases_case c ON c.id = s.case_id "
            "LEFT JOIN logbook_processingactivity a ON a.house_id = %(house)s AND a.code = s.activity_code "
            "ORDER BY s.n",
            {"first": first, "house": house_id, "offset": offset, "last_hash": head.last_hash})
        cursor.execute(
            "INSERT INTO logbook_auditrecord (record_id, user_id, username, organisation_id, role, client_address, "
            "started_at) "
            "SELECT %s + s.n - 1, s.user_id, u.username, s.organisation_id, s.role, '10.20.' || (s.user_id %% 250) "
            "|| '.' || (s.organisation_id %% 250), s.started_at "
            "FROM scale_src s JOIN accounts_user u ON u.id = s.user_id "
            "ORDER BY s.n", [first])
        cursor.execute("SELECT md5('r' || %s::bigint) || md5('h' || %s::bigint)", [first + count - 1] * 2)
        last_hash = cursor.fetchone()[0]
        cursor.execute("DROP TABLE scale_src")
    head.last_sequence = head.purged_through_sequence = offset + count
    head.last_hash = head.purged_through_hash = last_hash
    head.save()
    return count


def existing_cases() -> int:
    return Case.objects.count()


def reset_generated() -> None:
    """Empty cases and the log and remove the generated network (a benchmark database only)."""
    from opencasus.network.models import House, Organisation
    from opencasus.scale.network_data import HOUSE_PREFIX

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {EVENT_TABLE}")
        # The log refuses TRUNCATE unless the transaction says so (logbook/truncate.py): a benchmark
        # database is emptied on purpose, and only for this transaction.
        cursor.execute("SET LOCAL opencasus.log_truncate = 'on'")
        cursor.execute(
            "TRUNCATE cases_case, cases_person, cases_participant, cases_statuschange, cases_informationitem, "
            "cases_informationitem_shared_with, cases_involvedpartner, cases_attachment, "
            "logbook_auditrecord, logbook_processingrecord, logbook_chainhead, reporting_monthlyfigure, "
            "reporting_summarymonth CASCADE")
        houses = House.objects.filter(name__startswith=HOUSE_PREFIX)
        orgs = Organisation.objects.filter(partnerships__house__in=houses)
        users = User.objects.filter(username__startswith=USERNAME_PREFIX)
        from django.contrib.sessions.models import Session
        Session.objects.all().delete()
        from knox.models import AuthToken
        AuthToken.objects.filter(user__in=users).delete()
        users.delete()
        org_ids = list(orgs.values_list("pk", flat=True))
        houses.delete()
        Organisation.objects.filter(pk__in=org_ids).delete()


def resume_log(progress: Callable[[str], None] = lambda _: None) -> int:
    """Expand the staged events of houses whose log was not written yet (after an interrupted run)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [EVENT_TABLE])
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute(
            f"SELECT e.house_id FROM {EVENT_TABLE} e WHERE NOT EXISTS "  # noqa: S608 - constant name
            "(SELECT 1 FROM logbook_chainhead h WHERE h.chain = e.house_id AND h.purged_through_sequence > 0) "
            "GROUP BY e.house_id ORDER BY count(*) DESC")  # busiest house first
        houses = [row[0] for row in cursor.fetchall()]
    ensure_log_partitions(timezone.now())
    total = 0
    for house_id in houses:
        with transaction.atomic():
            total += expand_log(house_id)
        progress(f"log for house {house_id}: {total} records so far")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {EVENT_TABLE}")
        cursor.execute("ANALYZE logbook_processingrecord")
        cursor.execute("ANALYZE logbook_auditrecord")
    return total
