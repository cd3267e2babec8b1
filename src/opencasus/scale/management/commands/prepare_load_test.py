"""Write the load-test scenario: virtual users of the generated busiest house with credentials and requests.

Run with the same settings and SECRET_KEY as the server under test (sessions are bound to it).
Each virtual user is a distinct professional: partners read their cases and plans and update
agreements they own; process directors open the triage queue; managers open the house dashboard.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import import_module
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.urls import Resolver404, resolve
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from opencasus.accounts.models import User
from opencasus.scale.bench.operations import pick_actors


def _exists(path: str) -> bool:
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return False
    return True


def _session_cookie(user: User) -> str:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="load-test", defaults={"confirmed": True})
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store["otp_device_id"] = device.persistent_id
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


class Command(BaseCommand):
    help = "Prepare credentials and the request mix for the Locust load test (bench/locustfile.py)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", default="var/load-scenario.json")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--partners", type=int, default=70)
        parser.add_argument("--directors", type=int, default=15)
        parser.add_argument("--managers", type=int, default=15)

    def _user(self, user_id: int, requests: list[dict[str, Any]], think: float) -> dict[str, Any]:
        user = User.objects.get(pk=user_id)
        _instance, token = AuthToken.objects.create(user=user)
        return {"username": user.username, "think_seconds": think, "requests": [r for r in requests if r],
                "headers": {"Accept": "application/json, text/html"},
                "api_headers": {"Authorization": f"Bearer {token}"},
                "page_headers": {"Cookie": _session_cookie(user)}}

    def handle(self, *args: Any, **options: Any) -> None:
        actors = pick_actors()
        house = actors.house_id
        users: list[dict[str, Any]] = []
        partners = _rows(
            "SELECT p.user_id, array_agg(c.id ORDER BY c.last_activity_at DESC) FROM cases_participant p "
            "JOIN cases_case c ON c.id = p.case_id WHERE c.house_id = %s AND c.status = 'admitted' "
            "AND p.ended_at IS NULL GROUP BY p.user_id ORDER BY count(*) DESC LIMIT %s",
            [house, options["partners"]])
        for user_id, case_ids in partners:
            agreements = _rows(
                "SELECT a.id FROM plans_agreement a JOIN cases_case c ON c.id = a.case_id WHERE a.owner_user_id = %s "
                "AND c.status = 'admitted' AND a.status IN ('open', 'late') ORDER BY a.id LIMIT 5", [user_id])
            reqs = [self._get("partner: my cases (API)", "/api/v1/cases", 3),
                    self._get("partner: my cases (page)", "/casussen", 1)]
            for case_id in case_ids[:5]:
                reqs.append(self._get("partner: case (API)", f"/api/v1/cases/{case_id}", 1))
                reqs.append(self._get("partner: case (page)", f"/casussen/{case_id}", 0.5))
                reqs.append(self._get("partner: plan (API)", f"/api/v1/cases/{case_id}/plan", 0.5))
            for (agreement_id,) in agreements[:2]:
                key = f"agreement-{agreement_id}"
                path = f"/api/v1/agreements/{agreement_id}"
                if _exists(path):
                    reqs.append({"kind": "partner: agreement (API)", "method": "GET", "path": path, "weight": 0.5,
                                 "version_key": key})
                    reqs.append({"kind": "partner: update agreement (API)", "method": "PATCH", "path": path,
                                 "weight": 0.5, "version_key": key, "json": {"source": "Voortgang besproken"}})
            users.append(self._user(user_id, reqs, 1.0))
        today = timezone.localdate()
        ten_years = (today - dt.timedelta(days=3653)).isoformat()
        for (user_id,) in _rows("SELECT user_id FROM network_membership WHERE house_id = %s AND role IN "
                                "('process_director', 'secretary') ORDER BY id LIMIT %s",
                                [house, options["directors"]]):
            users.append(self._user(user_id, [
                self._get("director: triage queue (API)", "/api/v1/triage-queue", 2),
                self._get("director: triage queue (page)", "/weegoverleg", 1),
                self._get("director: cases (API)", "/api/v1/cases", 1),
            ], 1.0))
        for (user_id,) in _rows("SELECT user_id FROM network_membership WHERE house_id = %s AND role = "
                                "'house_manager' ORDER BY id LIMIT %s", [house, options["managers"]]):
            users.append(self._user(user_id, [
                self._get("manager: dashboard this year (API)",
                          f"/api/v1/dashboards/houses/{house}?dateFrom={today.replace(month=1, day=1)}", 2),
                self._get("manager: dashboard ten years (API)",
                          f"/api/v1/dashboards/houses/{house}?dateFrom={ten_years}", 1),
            ], 3.0))
        scenario = {"host": "127.0.0.1", "port": options["port"], "house_id": house, "users": users}
        Path(options["out"]).parent.mkdir(parents=True, exist_ok=True)
        Path(options["out"]).write_text(json.dumps(scenario, indent=1))
        kinds = sorted({r["kind"] for u in users for r in u["requests"]})
        self.stdout.write(f"{len(users)} virtual users written to {options['out']}; request kinds: {', '.join(kinds)}")

    @staticmethod
    def _get(kind: str, path: str, weight: float) -> dict[str, Any]:
        if not _exists(path):
            return {}
        return {"kind": kind, "method": "GET", "path": path, "weight": weight}
