"""Locust load for the multi-node test (deploy/multinode/run.sh), headless only.

Reads the scenario of `manage.py prepare_load_test` (MULTINODE_SCENARIO): per virtual user the credentials
(bearer token for the API, session cookie for pages) and a weighted list of requests, the mix of
bench/loadtest.py: partners read their cases and plans and update agreements, process directors read the
triage queue, house managers read the dashboard (management information, from the replica).

An agreement update sends the version it read (If-Match): a 409 means another user changed it first; the
user re-reads it and goes on (not an error). At the end the updates each agreement acknowledged (200) are
written to MULTINODE_WRITES (JSON), to compare with the versions in the database.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import threading
from collections import Counter
from typing import Any

from locust import HttpUser, events, task

with open(os.environ["MULTINODE_SCENARIO"]) as f:
    SCENARIO: dict[str, Any] = json.load(f)
THINK_SCALE = float(os.environ.get("MULTINODE_THINK_SCALE", "1"))


def _interleaved(users: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The scenario's users, roles taking turns (partner, director, manager, partner, ...): fewer virtual users
    than the scenario has still include every role."""
    roles: dict[str, list[dict[str, Any]]] = {}
    for user in users:
        roles.setdefault(user["requests"][0]["kind"].split(":")[0] if user["requests"] else "", []).append(user)
    turns = itertools.zip_longest(*roles.values())
    return [user for turn in turns for user in turn if user is not None]


POOL = _interleaved(SCENARIO["users"])
_next_user = itertools.count()
_lock = threading.Lock()
acknowledged: Counter[str] = Counter()
conflicts: Counter[str] = Counter()


class Professional(HttpUser):
    host = f"http://127.0.0.1:{os.environ.get('MULTINODE_PORT', '8270')}"

    def on_start(self) -> None:
        self.profile = POOL[next(_next_user) % len(POOL)]
        self.requests_ = self.profile["requests"]
        self.weights = [r.get("weight", 1) for r in self.requests_]
        self.versions: dict[str, int] = {}
        self.rng = random.Random()  # noqa: S311 - the request mix, not security

    def wait_time(self) -> float:
        return self.rng.uniform(0, 2 * self.profile.get("think_seconds", 0) * THINK_SCALE)

    def _headers(self, path: str) -> dict[str, str]:
        headers = dict(self.profile.get("headers", {}))
        headers.update(self.profile.get("api_headers" if path.startswith("/api/") else "page_headers", {}))
        return headers

    def _read(self, r: dict[str, Any], name: str) -> None:
        with self.client.get(r["path"], headers=self._headers(r["path"]), name=name, catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"HTTP {resp.status_code}")
                return
            etag = resp.headers.get("ETag", "").strip('W/"')
            if "version_key" in r and etag.isdigit():
                self.versions[r["version_key"]] = int(etag)

    @task
    def one_request(self) -> None:
        r = self.rng.choices(self.requests_, self.weights)[0]
        if r["method"] == "GET":
            self._read(r, r["kind"])
            return
        key = r["version_key"]
        if key not in self.versions:  # read it first, as the page does
            self._read(r, f"{r['kind']} (read)")
            if key not in self.versions:
                return
        headers = {**self._headers(r["path"]), "If-Match": f'"{self.versions[key]}"'}
        with self.client.request(r["method"], r["path"], json=r.get("json") or {}, headers=headers, name=r["kind"],
                                 catch_response=True) as resp:
            if resp.status_code == 200:
                resp.success()
                with _lock:
                    acknowledged[r["path"].rsplit("/", 1)[1]] += 1
                etag = resp.headers.get("ETag", "").strip('W/"')
                if etag.isdigit():
                    self.versions[key] = int(etag)
            elif resp.status_code == 409:  # changed by another user first: re-read, not an error
                resp.success()
                with _lock:
                    conflicts[key] += 1
                self.versions.pop(key, None)
            else:
                resp.failure(f"HTTP {resp.status_code}")


@events.quitting.add_listener
def _write_acknowledged(environment: Any, **_kwargs: Any) -> None:
    out = os.environ.get("MULTINODE_WRITES")
    if out:
        with open(out, "w") as f:
            json.dump({"acknowledged": dict(acknowledged), "conflicts": sum(conflicts.values())}, f)
