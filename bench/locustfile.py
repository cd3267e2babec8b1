"""The load test as a Locust file: 127.0.0.1 only, the scenario of `manage.py prepare_load_test`.

Every virtual user takes the next user of the scenario (its session cookie for pages, its bearer token
for the API, never both) and repeats its weighted request mix with the scenario's think time; an
agreement update sends the version last read, and a 409 (someone else changed it first) is counted as
a conflict and re-read, not as an error. `bench/run_load_test.sh` (`make loadtest`) runs it headless:

    LOAD_SCENARIO=var/load-scenario.json locust -f bench/locustfile.py --headless -u 100 -r 100 -t 60s

At the end it prints requests/s, p50/p95/p99 latency and errors, overall and per request kind (exact
percentiles of every request, measured the way the earlier client did), and exits 1 on any error.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import statistics
import time
from collections import defaultdict
from typing import Any

from locust import events, task
from locust.contrib.fasthttp import FastHttpUser

ALLOWED_HOSTS = {"127.0.0.1"}
VERSION = re.compile(rb'"version"\s*:\s*(\d+)')

with open(os.environ.get("LOAD_SCENARIO", "var/load-scenario.json")) as _file:
    SCENARIO: dict[str, Any] = json.load(_file)
if SCENARIO["host"] not in ALLOWED_HOSTS:
    raise SystemExit(f"refusing to load-test {SCENARIO['host']}: only 127.0.0.1")
THINK_SCALE = float(os.environ.get("LOAD_THINK_SCALE", "1"))
SEED = int(os.environ.get("LOAD_SEED", "1"))

latencies: dict[str, list[float]] = defaultdict(list)
errors: dict[str, int] = defaultdict(int)
conflicts: dict[str, int] = defaultdict(int)
error_samples: list[str] = []
window: dict[str, float] = {}
_next_user = itertools.count()


class ScenarioUser(FastHttpUser):
    host = f"http://{SCENARIO['host']}:{SCENARIO['port']}"

    def on_start(self) -> None:
        n = next(_next_user)
        self.spec: dict[str, Any] = SCENARIO["users"][n % len(SCENARIO["users"])]
        self.rng = random.Random(SEED * 100_003 + n)  # noqa: S311 - request mix, not security
        self.weights = [r.get("weight", 1) for r in self.spec["requests"]]
        self.versions: dict[str, int] = {}

    def wait_time(self) -> float:
        think = float(self.spec.get("think_seconds", 0)) * THINK_SCALE
        return self.rng.uniform(0, 2 * think) if think else 0.0

    def _headers(self, path: str) -> dict[str, str]:
        headers = dict(self.spec.get("headers", {}))
        headers.update(self.spec.get("api_headers" if path.startswith("/api/") else "page_headers", {}))
        return headers

    def _send(self, method: str, path: str, kind: str, headers: dict[str, str],
              body: bytes | None = None) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        with self.client.request(method, path, headers=headers, data=body, name=kind,
                                 catch_response=True) as response:
            elapsed = time.perf_counter() - started
            response.success()  # judged below, by the scenario's own rules
            return int(response.status_code or 0), bytes(response.content or b""), elapsed

    def _remember_version(self, key: str, data: bytes) -> None:
        found = VERSION.search(data)
        if found:
            self.versions[key] = int(found.group(1))

    @task
    def one_request(self) -> None:
        r = self.rng.choices(self.spec["requests"], self.weights)[0]
        kind, headers, body = r["kind"], self._headers(r["path"]), None
        if r.get("json") is not None:
            payload = dict(r["json"])
            if "version_key" in r:
                payload["version"] = self.versions.get(r["version_key"], payload.get("version", 1))
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        status, data, elapsed = self._send(r["method"], r["path"], kind, headers, body)
        if "version_key" in r and status == 200:
            self._remember_version(r["version_key"], data)
        if status in r.get("ok", [200]):
            latencies[kind].append(elapsed)
        elif status == 409 and "version_key" in r:
            conflicts[kind] += 1
            headers.pop("Content-Type", None)
            status, data, _elapsed = self._send("GET", r["path"], f"{kind} (re-read after 409)", headers)
            if status == 200:
                self._remember_version(r["version_key"], data)
            else:
                errors[f"{kind}: re-read HTTP {status}"] += 1
        else:
            errors[f"{kind}: HTTP {status}"] += 1
            if len(error_samples) < 5:
                error_samples.append(f"{r['method']} {r['path']} -> {status}: {data[:200]!r}")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000 if ordered else float("nan")


def report(seconds: float, users: int) -> str:
    every = [v for values in latencies.values() for v in values]
    failed = sum(errors.values())
    total = len(every) + failed
    lines = [
        f"users {users}, duration {seconds:.0f} s, requests {total}, ok {len(every)}, errors {failed}",
        f"throughput {total / seconds:.1f} req/s; latency p50 {pct(every, 0.5):.1f} ms, "
        f"p95 {pct(every, 0.95):.1f} ms, p99 {pct(every, 0.99):.1f} ms",
        "",
        f"{'request kind':40} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}",
    ]
    for kind, values in sorted(latencies.items()):
        lines.append(f"{kind:40} {len(values):7d} {pct(values, 0.5):8.1f} {pct(values, 0.95):8.1f} "
                     f"{pct(values, 0.99):8.1f}")
    lines.extend(f"conflict (409, re-read; not an error)  {name}: {count}" for name, count in sorted(conflicts.items()))
    lines.extend(f"error  {name}: {count}" for name, count in sorted(errors.items()))
    lines.extend(f"sample {s}" for s in error_samples)
    if every:
        lines.append(f"mean {statistics.mean(every) * 1000:.1f} ms")
    return "\n".join(lines)


@events.test_start.add_listener
def _started(environment: Any, **_kwargs: Any) -> None:
    window["start"] = time.monotonic()


@events.test_stop.add_listener
def _stopped(environment: Any, **_kwargs: Any) -> None:
    window["stop"] = time.monotonic()


@events.quitting.add_listener
def _report(environment: Any, **_kwargs: Any) -> None:
    seconds = window.get("stop", time.monotonic()) - window.get("start", time.monotonic())
    users = environment.parsed_options.num_users if environment.parsed_options else 0
    print(report(max(seconds, 1e-9), users), flush=True)
    environment.process_exit_code = 1 if errors else 0
