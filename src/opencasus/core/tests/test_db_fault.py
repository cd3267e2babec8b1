"""Fault test: PostgreSQL stops in the middle of a burst of writes.

The test runs its own PostgreSQL cluster (initdb/pg_ctl in a temporary directory on a free port,
as the `postgres` OS user when running as root) and the app in gunicorn against it. While intakes
are filed through the API, the database is stopped: requests fail with a clean 503 (problem+json,
Dutch page for HTML), no half-written case exists afterwards, and once the database is back the
same gunicorn process serves writes again by itself.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[4]
SRC = PROJECT_DIR / "src"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
PERSONS_PER_INTAKE = 2


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, base: Path) -> None:
        self.bin = _pg_bin()
        assert self.bin is not None
        self.base = base
        self.data = base / "data"
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=check)

    def init(self) -> None:
        if self.as_postgres:
            shutil.chown(self.base, "postgres", "postgres")
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                 "--encoding=UTF8", "--no-sync")

    def start(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "pg.log"), "-w", "-t", "60",
                 "-o", f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self, mode: str = "fast") -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/oc_fault"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if _pg_bin() is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    base = Path(tempfile.mkdtemp(prefix="oc-fault-"))
    os.chmod(base, 0o755)  # noqa: S103 - the postgres user must reach its data directory
    c = Cluster(base)
    c.init()
    c.start()
    c.run(str(c.bin / "createdb"), "-h", "127.0.0.1", "-p", str(c.port), "-U", "postgres", "oc_fault")
    try:
        yield c
    finally:
        c.stop("immediate")
        shutil.rmtree(base, ignore_errors=True)


def _env(cluster: Cluster) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "opencasus.settings.demo", "DEBUG": "0", "DATABASE_URL": cluster.url,
        "DB_CONN_MAX_AGE": "60", "PYTHONPATH": str(SRC), "OPENCASUS_VAR_DIR": str(cluster.base / "var"),
        "LOG_LEVEL": "CRITICAL",
    })
    return env


SETUP = """
import json
from knox.models import AuthToken
from opencasus.cases.tests import helpers as h
w = h.world()
print(json.dumps({"token": AuthToken.objects.create(user=w.partner)[1], "house": w.house.pk, "org": w.police.pk}))
"""

CHECK = """
import json
from opencasus.cases.models import Case, StatusChange
from opencasus.logbook.models import ProcessingRecord
cases = list(Case.objects.prefetch_related("persons"))
print(json.dumps({
    "cases": len(cases),
    "incomplete": [c.pk for c in cases if c.persons.count() != PERSONS
                   or not StatusChange.objects.filter(case=c).exists()
                   or not ProcessingRecord.objects.filter(case_id=c.pk).exists()],
}))
""".replace("PERSONS", str(PERSONS_PER_INTAKE))


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([PYTHON, str(PROJECT_DIR / "manage.py"), *args], env=env, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def request(url: str, *, body: dict[str, Any] | None = None, token: str = "") -> tuple[int, str, str]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if body is not None else "GET")  # noqa: S310
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def intake(house: int, org: int, n: int) -> dict[str, Any]:
    return {
        "houseId": house, "organisationId": org, "subjectType": "system", "reason": f"Zorgen om gezin {n}.",
        "requestedPurpose": "Gezamenlijke aanpak.", "route": "care_track", "municipalityCode": "GM0505",
        "peopleInformed": "yes",
        "persons": [{"firstName": "Ouder", "lastName": f"Gezin{n}", "dateOfBirth": "1985-06-01", "relation": "parent"},
                    {"firstName": "Kind", "lastName": f"Gezin{n}", "dateOfBirth": "2015-04-01",
                     "relation": "child"}],
    }


def test_database_outage_during_a_burst_of_writes(cluster: Any) -> None:
    env = _env(cluster)
    manage(env, "migrate", "--noinput")
    ids = json.loads(manage(env, "shell", "-c", SETUP).strip().splitlines()[-1])
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([GUNICORN, "opencasus.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "1",
                               "--threads", "4", "--timeout", "60"], env=env, cwd=str(PROJECT_DIR),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                if request(f"{base}/gezondheid")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        results: list[tuple[int, str, str]] = []
        stop = threading.Event()
        counter = iter(range(100000))

        def writer() -> None:
            while not stop.is_set():
                results.append(request(f"{base}/api/v1/cases", body=intake(ids["house"], ids["org"], next(counter)),
                                       token=ids["token"]))

        threads = [threading.Thread(target=writer) for _ in range(3)]
        for t in threads:
            t.start()
        time.sleep(3)
        cluster.stop("immediate")  # the database disappears mid-burst
        time.sleep(3)
        during = len(results)
        page = request(f"{base}/gezondheid")
        stop.set()
        for t in threads:
            t.join(timeout=60)

        statuses = {r[0] for r in results}
        odd = [r for r in results if r[0] not in {201, 503}]
        assert not odd, f"only created or a clean 503, got {statuses}: {odd[:1]}"
        assert 201 in statuses, statuses
        assert 503 in statuses, statuses
        for status, content_type, body in results:
            if status == 503:
                assert content_type == "application/problem+json"
                problem = json.loads(body)
                assert problem["status"] == 503
                assert "niet bereikbaar" in problem["detail"]
        assert page[0] == 503
        assert page[1].startswith("text/html")
        assert "Open Casus is tijdelijk niet beschikbaar" in page[2]
        assert "Traceback" not in page[2]
        assert "OperationalError" not in page[2]

        cluster.start()  # the database returns; the same app process must recover by itself
        recovered = None
        for attempt in range(30):
            status, _ct, body = request(f"{base}/api/v1/cases", body=intake(ids["house"], ids["org"], 90000 + attempt),
                                        token=ids["token"])
            if status == 201:
                recovered = attempt
                break
            assert status == 503, body
            time.sleep(1)
        assert recovered is not None, "the app did not recover after the database came back"
        assert request(f"{base}/gezondheid")[0] == 200

        created = sum(1 for r in results if r[0] == 201) + 1
        state = json.loads(manage(env, "shell", "-c", CHECK).strip().splitlines()[-1])
        assert state["incomplete"] == [], f"half-written cases: {state['incomplete']}"
        # A commit can succeed just before the database goes (its answer is then a 503): never fewer.
        assert state["cases"] >= created
        print(f"fault: {during} writes in the burst, {created - 1} created, "
              f"{sum(1 for r in results if r[0] == 503)} clean 503s, recovered after {recovered + 1} attempt(s), "
              f"{state['cases']} complete cases in the database")
    finally:
        server.terminate()
        server.wait(timeout=30)
