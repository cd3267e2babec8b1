"""The benchmarked operations, each through the real code path with a real user of the generated set.

Selectors and services are called in-process; pages are requested through the Django test client
with a session that passed the second factor (as `conftest.verified_client`). Operations whose
code is not (yet) in the code base are reported as unavailable rather than imitated.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

from django.db import connection
from django.http import Http404
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts.models import User
from opencasus.logbook import services as log_services
from opencasus.logbook.models import ActivityCode
from opencasus.logbook.services import Who, record_processing
from opencasus.scale.bench.harness import Operation
from opencasus.scale.network_data import HOUSE_PREFIX


@dataclass
class Actors:
    house_id: int
    partner: User
    partner_cases: int
    director: User
    manager: User | None
    privacy_officer: User | None
    detail_case_id: int
    hit_case_id: int | None
    subject: str
    cases_in_house: int
    partner_organisation_id: int | None = None


def _one(sql: str, params: list[Any]) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row


def pick_actors() -> Actors:
    """The busiest generated house; a partner professional from its busiest tenth; its process director."""
    house_id, cases = _one(
        "SELECT h.id, count(*) FROM network_house h JOIN cases_case c ON c.house_id = h.id "
        "WHERE h.name LIKE %s GROUP BY h.id ORDER BY count(*) DESC LIMIT 1", [HOUSE_PREFIX + "%"])
    partner_id, partner_cases = _one(
        "SELECT user_id, n FROM (SELECT p.user_id, count(*) AS n, "
        "percent_rank() OVER (ORDER BY count(*)) AS r FROM cases_participant p "
        "JOIN cases_case c ON c.id = p.case_id WHERE c.house_id = %s AND c.status = 'admitted' "
        "AND p.ended_at IS NULL GROUP BY p.user_id) t WHERE r >= 0.9 ORDER BY r LIMIT 1", [house_id])

    def member(role: str) -> User | None:
        row = _one("SELECT user_id FROM network_membership WHERE house_id = %s AND role = %s ORDER BY id LIMIT 1",
                   [house_id, role])
        return User.objects.get(pk=row[0]) if row else None

    director = member("process_director")
    assert director is not None, "the generated house has no process director"
    detail = _one(
        "SELECT c.id FROM cases_case c JOIN cases_participant p ON p.case_id = c.id "
        "JOIN plans_plan pl ON pl.case_id = c.id "
        "WHERE p.user_id = %s AND p.ended_at IS NULL AND c.status = 'admitted' "
        "ORDER BY c.last_activity_at DESC LIMIT 1", [partner_id])
    hit = _one(
        "SELECT c.id FROM cases_case c WHERE c.house_id = %s AND c.status IN ('submitted', 'in_triage') AND "
        "EXISTS (SELECT 1 FROM cases_person p WHERE p.case_id = c.id AND p.bsn_hash <> '') "
        "ORDER BY c.filed_at DESC LIMIT 1", [house_id])
    subject = _one("SELECT pseudonym::text FROM cases_person WHERE case_id = %s ORDER BY id LIMIT 1",
                   [detail[0]])[0]
    return Actors(house_id=house_id, partner=User.objects.get(pk=partner_id), partner_cases=partner_cases,
                  director=director, manager=member("house_manager"), privacy_officer=member("privacy_officer"),
                  detail_case_id=detail[0], hit_case_id=hit[0] if hit else None, subject=subject,
                  cases_in_house=cases, partner_organisation_id=_one(
                      "SELECT organisation_id FROM network_membership WHERE house_id = %s AND user_id = %s "
                      "ORDER BY id LIMIT 1", [house_id, partner_id])[0])


def verified_client(user: User) -> Client:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="benchmark", defaults={"confirmed": True})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def _page(client: Client, path: str) -> Callable[[], Any] | None:
    try:
        resolve(path)
    except Resolver404:
        return None

    def get() -> Any:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return get


@contextmanager
def logging_switched_off() -> Iterator[None]:
    """Replace `record_processing` everywhere it was imported by a no-op (the 'without' side)."""
    original = log_services.record_processing
    patches: list[Any] = [mock.patch.object(module, "record_processing", lambda **_: [])
               for module in list(sys.modules.values())
               if module is not None and getattr(module, "record_processing", None) is original]
    for p in patches:
        p.start()
    try:
        yield
    finally:
        for p in patches:
            p.stop()


def _without_logging(run: Callable[[], Any]) -> Callable[[], Any]:
    def call() -> Any:
        with logging_switched_off():
            return run()

    return call


def operations(a: Actors) -> list[Operation | str]:
    """The operations in table order; a string marks an operation that is not available yet."""
    ops: list[Operation | str] = []
    partner_client, director_client = verified_client(a.partner), verified_client(a.director)
    case_list = _optional("opencasus.cases.selectors", "case_list")
    record_list = _optional("opencasus.cases.selectors", "record_case_list_view")
    if case_list is not None and record_list is not None:
        def partner_cases() -> Any:
            qs = case_list(actor=a.partner)
            page, total = list(qs[:25]), qs.count()
            record_list(actor=a.partner, cases=page)
            return page, total
        ops.append(Operation("case list, partner (selector, 25 + count)", partner_cases, writes=True))
    else:
        ops.append("case list, partner (selector): cases.selectors.case_list not available")
    page = _page(partner_client, "/casussen")
    ops.append(Operation("case list, partner (page)", page, writes=True) if page
               else "case list, partner (page): /casussen not available")

    queue = _optional("opencasus.triage.selectors", "triage_queue")
    shown = _optional("opencasus.triage.selectors", "record_queue_list_view")
    if queue is not None and shown is not None:
        def first_page() -> Any:  # the queue in order, then the first page shown and logged
            items = queue(actor=a.director, house_id=a.house_id)
            shown(actor=a.director, items=items[:50])
            return items
        ops.append(Operation("triage queue, process director (selector)", first_page, writes=True))
    elif queue is not None:
        ops.append(Operation("triage queue, process director (selector)",
                             lambda: queue(actor=a.director, house_id=a.house_id), writes=True))
    else:
        ops.append("triage queue (selector): triage.selectors.triage_queue not available")
    page = _page(director_client, "/weegoverleg")
    ops.append(Operation("triage queue, process director (page)", page, writes=True) if page
               else "triage queue (page): /weegoverleg not available")

    detail = _page(partner_client, f"/casussen/{a.detail_case_id}")
    if detail:
        ops.append(Operation("case detail, partner (page)", detail, writes=True))
    else:
        ops.append("case detail (page): /casussen/<id> not available")
    plan = _page(partner_client, f"/casussen/{a.detail_case_id}/plan")
    ops.append(Operation("plan with agreements, partner (page)", plan, writes=True) if plan
               else "plan with agreements (page): /casussen/<id>/plan not available")

    if a.hit_case_id is not None:
        from opencasus.cases.hitcheck import hit_check
        from opencasus.cases.models import Case

        hit_case = Case.objects.get(pk=a.hit_case_id)
        ops.append(Operation("hit check, process director (service)",
                             lambda: hit_check(actor=a.director, case=hit_case), writes=True))

    dashboard = _optional("opencasus.reporting.selectors.dashboard", "house_dashboard")
    if dashboard is not None and a.manager is not None:
        today = timezone.localdate()
        start = today - dt.timedelta(days=3653)
        ops.append(Operation("house dashboard, ten years, manager (selector)",
                             lambda: dashboard(actor=a.manager, house_id=a.house_id, date_from=start, date_to=today)))
    else:
        ops.append("house dashboard: reporting.selectors.dashboard.house_dashboard not available")

    who = Who(user_id=a.partner.pk, username=a.partner.username, role="partner_professional")
    ops.append(Operation(
        "write one processing-log record", writes=True,
        run=lambda: record_processing(action="view", activity_code=ActivityCode.ACTION_PLAN, purpose="Benchmark",
                                      who=who, house_id=a.house_id, data_subjects=[a.subject],
                                      object_type="case", object_id=a.detail_case_id, case_id=a.detail_case_id)))
    if detail:
        ops.append(Operation("case detail, committed, WITH log", detail, writes=True, committed=True, floor=False))
        ops.append(Operation("case detail, committed, WITHOUT log", _without_logging(detail), writes=True,
                             committed=True, floor=False))
    ops.extend(log_searches(a))
    from opencasus.scale.bench.search import search_operations

    ops.extend(search_operations(a, director_client))
    return ops


def log_searches(a: Actors) -> list[Operation]:
    """The privacy officer's searches in the log: by data subject, by case, by professional."""
    from opencasus.logbook.models import ProcessingRecord

    def by_subject() -> Any:
        return list(ProcessingRecord.objects.filter(data_subject=a.subject).select_related("audit")
                    .order_by("-started_at")[:100])

    def by_case() -> Any:
        return list(ProcessingRecord.objects.filter(case_id=a.detail_case_id).select_related("audit")
                    .order_by("-started_at")[:100])

    from opencasus.network.models import House
    from opencasus.privacy.selectors import LogFilters, processing_log_search

    house = House.objects.get(pk=a.house_id)

    def search(filters: LogFilters) -> Any:
        return list(processing_log_search(house=house, filters=filters)[:50])

    return [
        Operation("log search by data subject (100 newest)", by_subject),
        Operation("log search by case (100 newest)", by_case),
        Operation("log search by professional, no period (page of 50)",
                  lambda: search(LogFilters(user_id=a.partner.pk))),
        Operation("log search by organisation, no period (page of 50)",
                  lambda: search(LogFilters(organisation_id=a.partner_organisation_id))),
    ]


__all__ = ["Actors", "Http404", "logging_switched_off", "operations", "pick_actors", "verified_client"]
