"""The embedded SQLite database serves a small team at once: six clients that write at the same time
on separate connections to one database file get no "database is locked" errors and lose no update."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from pytest_django import DjangoDbBlocker

CLIENTS = 6
WRITES_EACH = 25
ALIAS = "sqlite_concurrency"

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite settings of the demo")


@pytest.fixture
def database_file(tmp_path: Any, django_db_blocker: Any) -> Any:
    """A file database with the project's SQLite settings, under an alias of its own."""
    config = dict(connections.settings["default"])
    config.update(NAME=str(tmp_path / "demo.sqlite3"), OPTIONS=dict(settings.DATABASES["default"].get("OPTIONS", {})),
                  CONN_MAX_AGE=0)
    connections.settings[ALIAS] = config
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL)")
            cursor.execute("INSERT INTO counter VALUES (1, 0)")
            cursor.execute("CREATE TABLE entry (id integer PRIMARY KEY, client integer NOT NULL, n integer NOT NULL)")
        connections[ALIAS].close()
        yield ALIAS
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def test_the_sqlite_settings_use_wal_and_a_busy_timeout() -> None:
    options = settings.SQLITE_OPTIONS
    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


def test_six_concurrent_writers_get_no_errors_and_lose_nothing(database_file: Any,
                                                               django_db_blocker: DjangoDbBlocker) -> None:
    errors: list[str] = []
    start = threading.Barrier(CLIENTS)

    def client(number: int) -> None:
        with django_db_blocker.unblock():
            db = connections[database_file]
            try:
                start.wait()
                for _ in range(WRITES_EACH):
                    # A read followed by a write in one transaction, as every service does.
                    with transaction.atomic(using=database_file), db.cursor() as cursor:
                        cursor.execute("SELECT n FROM counter WHERE id = 1")
                        n = cursor.fetchone()[0]
                        cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [n + 1])
                        cursor.execute("INSERT INTO entry (client, n) VALUES (%s, %s)", [number, n + 1])
            except Exception as error:
                errors.append(f"{type(error).__name__}: {error}")
            finally:
                db.close()

    threads = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with django_db_blocker.unblock(), connections[database_file].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone()[0] == CLIENTS * WRITES_EACH
        cursor.execute("SELECT count(DISTINCT n) FROM entry")
        assert cursor.fetchone()[0] == CLIENTS * WRITES_EACH
