"""Two installations on 127.0.0.1, each with its own database: this test's live server (installation A) and a
second Open Casus started as a process on another port (installation B, its own SQLite file). They find each
other's person by BSN pseudonym and by name + birth date, show no content, log both sides, and survive the
other being down."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from opencasus.cases.tests.factories import PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import add_case, build_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.peers import services
from opencasus.peers.models import PeerCheckStatus

ROOT = Path(__file__).resolve().parents[4]
KEY = "gedeelde-pseudonimiseringssleutel-voor-de-test-0123456789"
SECRET = "geheim-van-het-paar-a-b-0123456789"
BSN = "111222333"
B_SETUP = """
import datetime as dt
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
house = HouseFactory.create(name="Veiligheidshuis Flevoland", email="zvh@flevoland.example")
director = member(house, Role.PROCESS_DIRECTOR, first_name="Bram", last_name="Bakker")
case = CaseFactory.create(house=house, status="admitted", reference="FLE-2026-0001")
PersonFactory.create(case=case, bsn="111222333", first_name="Kevin", last_name="de Boer",
                     date_of_birth=dt.date(1999, 2, 3))
other = CaseFactory.create(house=house, status="in_triage", reference="FLE-2026-0002")
PersonFactory.create(case=other, first_name="Sanne", last_name="Visser", date_of_birth=dt.date(1988, 7, 9))
print("ready")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Installation:
    url: str
    env: dict[str, str]
    database: Path
    process: subprocess.Popen[bytes] | None = None

    def manage(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
                              timeout=600, check=True)
        return done.stdout.decode()

    def start(self) -> None:
        port = self.url.rsplit(":", 1)[1]
        log = self.database.with_suffix(".log")
        with log.open("wb") as out:
            self.process = subprocess.Popen([sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}",
                                             "--noreload", "--skip-checks"], cwd=ROOT, env=self.env,
                                            stdout=out, stderr=subprocess.STDOUT)
        # The health page answers without a database query or a schema to build: it is there as soon as
        # the server listens, even on a busy machine.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(self.url + "/gezondheid", timeout=10)  # noqa: S310 - local
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"installation B did not start: {log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def log_rows(self, object_type: str) -> list[tuple[str, str]]:
        with sqlite3.connect(self.database) as db:
            return list(db.execute("select r.purpose, a.username from logbook_processingrecord r join "
                                   "logbook_auditrecord a on a.record_id = r.id where r.object_type = ?",
                                   (object_type,)))


@pytest.fixture
def installation_b(tmp_path: Path, live_server: Any) -> Iterator[Installation]:
    port = _free_port()
    database = tmp_path / "b.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "opencasus.settings.demo", "DATABASE_URL": f"sqlite:///{database}",
           "PYTHONPATH": str(ROOT / "src"), "OPENCASUS_INSTALLATION_NAME": "zvh-flevoland",
           "OPENCASUS_PEER_PSEUDONYM_KEY": KEY,
           "OPENCASUS_PEERS": json.dumps([{"name": "zvh-fryslan", "url": live_server.url, "secret": SECRET}])}
    b = Installation(url=f"http://127.0.0.1:{port}", env=env, database=database)
    b.manage("migrate", "-v0")
    assert "ready" in b.manage("shell", "-c", B_SETUP)
    assert "persons recorded under the shared key: 2" in b.manage("peer_pseudonyms")
    b.start()
    yield b
    b.stop()


def _peers_of_a(b: Installation) -> Any:
    return override_settings(OPENCASUS_INSTALLATION_NAME="zvh-fryslan", OPENCASUS_PEER_PSEUDONYM_KEY=KEY,
                             OPENCASUS_PEERS=[{"name": "zvh-flevoland", "url": b.url, "secret": SECRET}])


@pytest.mark.django_db(transaction=True)
def test_two_installations_find_each_other_and_survive_the_other_being_down(installation_b: Installation) -> None:
    b = installation_b
    with _peers_of_a(b):
        w = build_world()
        by_bsn = add_case(w, stage=Status.SUBMITTED, persons=[])
        PersonFactory.create(case=by_bsn, bsn=BSN, first_name="Kevin", last_name="Boer")  # another spelling
        by_name = add_case(w, stage=Status.SUBMITTED, persons=[])
        PersonFactory.create(case=by_name, first_name="Sanne", last_name="Visser", date_of_birth="1988-07-09")
        for case in (by_bsn, by_name):
            services.pseudonyms_record(persons=list(case.persons.all()))

        [check] = services.peers_ask(case_id=by_bsn.pk)
        assert check.status == PeerCheckStatus.ANSWERED
        assert [(h["houseName"], h["where"]) for h in check.hits] == [("Veiligheidshuis Flevoland", "running_case")]
        assert check.hits[0]["contact"] == {"email": "zvh@flevoland.example", "names": ["Bram Bakker"]}
        text = json.dumps(check.hits)
        assert "FLE-2026" not in text
        assert "Kevin" not in text
        [check] = services.peers_ask(case_id=by_name.pk)
        assert [h["where"] for h in check.hits] == ["in_triage"]

        # Both sides logged the question: A for its case, B in the house where the person was found.
        assert ProcessingRecord.objects.filter(object_type="peer-hit-check", case_id=by_bsn.pk).exists()
        assert ("Hitcheck door een andere installatie (gepseudonimiseerd)", "peer:zvh-fryslan") in b.log_rows(
            "peer-hit-check")

        # B asks A about its own case: A (this test's live server) knows Kevin by BSN through its intake.
        answer = b.manage("peer_hit_check", "FLE-2026-0001")
        assert answer.strip() == f"zvh-fryslan: {w.house.name} (intake)"

        b.stop()  # B goes down: A's question is "did not answer", nothing breaks
        started = time.monotonic()
        [check] = services.peers_ask(case_id=by_bsn.pk)
        assert check.status == PeerCheckStatus.NO_ANSWER
        assert check.hits == []
        assert time.monotonic() - started < 10
