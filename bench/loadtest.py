#!/usr/bin/env python3
"""A bounded HTTP load test against 127.0.0.1 only: N virtual users for D seconds, then it stops.

Standard library only (asyncio streams, HTTP/1.1 keep-alive). The scenario file is written by
`manage.py prepare_load_test`: per virtual user its credentials (session cookie or bearer token)
and a weighted list of requests (pages and API calls, including agreement updates with the
agreement's current version).

    python bench/loadtest.py var/load-scenario.json --users 100 --seconds 60

Prints requests/s, p50/p95/p99 latency, errors by status, and the same per request kind.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

ALLOWED_HOSTS = {"127.0.0.1"}


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # 409 on a versioned update: another user changed the record first (optimistic locking working as
    # designed, no lost update). The client re-reads it, as the UI asks the user to, and goes on.
    conflicts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Connection: keep-alive",
                     f"Content-Length: {len(body)}"] + [f"{k}: {v}" for k, v in headers.items()]
            try:
                assert self.reader is not None
                self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
                await self.writer.drain()
                status_line = await self.reader.readline()
                if not status_line:
                    raise ConnectionError("closed")
                status = int(status_line.split()[1])
                length, chunked, close = 0, False, False
                while True:
                    line = await self.reader.readline()
                    if line in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = line.decode("latin-1").partition(":")
                    name, value = name.strip().lower(), value.strip()
                    if name == "content-length":
                        length = int(value)
                    elif name == "transfer-encoding" and "chunked" in value.lower():
                        chunked = True
                    elif name == "connection" and value.lower() == "close":
                        close = True
                if chunked:
                    data = b""
                    while True:
                        size = int((await self.reader.readline()).strip() or b"0", 16)
                        if size == 0:
                            await self.reader.readline()
                            break
                        data += await self.reader.readexactly(size + 2)
                else:
                    data = await self.reader.readexactly(length) if length else b""
                if close:
                    await self.close()
                return status, data
            except (ConnectionError, asyncio.IncompleteReadError, OSError):
                await self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


VERSION = re.compile(rb'"version"\s*:\s*(\d+)')


async def virtual_user(user: dict[str, Any], host: str, port: int, deadline: float, stats: Stats,
                       rng: random.Random, think_scale: float = 1.0) -> None:
    conn = Connection(host, port)
    requests = user["requests"]
    weights = [r.get("weight", 1) for r in requests]
    versions: dict[str, int] = {}
    await asyncio.sleep(rng.random() * 0.5)  # spread the start
    try:
        while time.monotonic() < deadline:
            r = rng.choices(requests, weights)[0]
            # An API client sends its token, a browser its session cookie: never both.
            headers = dict(user.get("headers", {}))
            headers.update(user.get("api_headers" if r["path"].startswith("/api/") else "page_headers", {}))
            body = b""
            if r.get("json") is not None:
                payload = dict(r["json"])
                if "version_key" in r:
                    payload["version"] = versions.get(r["version_key"], payload.get("version", 1))
                body = json.dumps(payload).encode()
                headers["Content-Type"] = "application/json"
            started = time.perf_counter()
            try:
                status, data = await conn.request(r["method"], r["path"], headers, body)
            except Exception as exc:  # every failure counts as an error
                stats.errors[f"{r['kind']}: {type(exc).__name__}"] += 1
                continue
            elapsed = time.perf_counter() - started
            if "version_key" in r and status == 200:
                found = VERSION.search(data)
                if found:
                    versions[r["version_key"]] = int(found.group(1))
            if status in r.get("ok", [200]):
                stats.latencies[r["kind"]].append(elapsed)
            elif status == 409 and "version_key" in r:
                stats.conflicts[r["kind"]] += 1
                read_headers = {k: v for k, v in headers.items() if k != "Content-Type"}
                try:
                    status, data = await conn.request("GET", r["path"], read_headers)
                except Exception as exc:  # the re-read failing is an error like any other
                    stats.errors[f"{r['kind']}: re-read {type(exc).__name__}"] += 1
                    continue
                found = VERSION.search(data) if status == 200 else None
                if found:
                    versions[r["version_key"]] = int(found.group(1))
            else:
                stats.errors[f"{r['kind']}: HTTP {status}"] += 1
                if len(stats.error_samples) < 5:
                    stats.error_samples.append(f"{r['method']} {r['path']} -> {status}: {data[:200]!r}")
            think = user.get("think_seconds", 0) * think_scale
            if think:
                await asyncio.sleep(rng.uniform(0, 2 * think))
    finally:
        await conn.close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000 if ordered else float("nan")


async def run(scenario: dict[str, Any], users: int, seconds: float, seed: int, think_scale: float = 1.0) -> Stats:
    host, port = scenario["host"], int(scenario["port"])
    if host not in ALLOWED_HOSTS:
        raise SystemExit(f"refusing to load-test {host}: only 127.0.0.1")
    rng = random.Random(seed)  # noqa: S311 - request mix, not security
    stats = Stats()
    deadline = time.monotonic() + seconds
    pool = scenario["users"]
    tasks = [virtual_user(pool[n % len(pool)], host, port, deadline, stats, random.Random(rng.random()),  # noqa: S311
                          think_scale)
             for n in range(users)]
    await asyncio.gather(*tasks)
    return stats


def report(stats: Stats, seconds: float, users: int) -> str:
    all_latencies = [v for values in stats.latencies.values() for v in values]
    errors = sum(stats.errors.values())
    total = len(all_latencies) + errors
    lines = [
        f"users {users}, duration {seconds:.0f} s, requests {total}, ok {len(all_latencies)}, errors {errors}",
        f"throughput {total / seconds:.1f} req/s; latency p50 {pct(all_latencies, 0.5):.1f} ms, "
        f"p95 {pct(all_latencies, 0.95):.1f} ms, p99 {pct(all_latencies, 0.99):.1f} ms",
        "",
        f"{'request kind':40} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}",
    ]
    for kind, values in sorted(stats.latencies.items()):
        lines.append(f"{kind:40} {len(values):7d} {pct(values, 0.5):8.1f} {pct(values, 0.95):8.1f} "
                     f"{pct(values, 0.99):8.1f}")
    for name, count in sorted(stats.conflicts.items()):
        lines.append(f"conflict (409, re-read; not an error)  {name}: {count}")
    for name, count in sorted(stats.errors.items()):
        lines.append(f"error  {name}: {count}")
    lines.extend(f"sample {s}" for s in stats.error_samples)
    if all_latencies:
        lines.append(f"mean {statistics.mean(all_latencies) * 1000:.1f} ms")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--think-scale", type=float, default=1.0,
                        help="multiply every user's think time (mean 1 s for partners and directors, 3 s for managers)")
    args = parser.parse_args()
    with open(args.scenario) as f:
        scenario = json.load(f)
    started = time.monotonic()
    stats = asyncio.run(run(scenario, args.users, args.seconds, args.seed, args.think_scale))
    print(report(stats, time.monotonic() - started, args.users))
    return 1 if stats.errors else 0


if __name__ == "__main__":
    sys.exit(main())
