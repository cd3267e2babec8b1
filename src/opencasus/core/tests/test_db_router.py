"""The database router: management information from the replica while it is well, else the primary."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, transaction

from opencasus.core import db_router
from opencasus.core.db_router import REPLICA, ReplicaRouter, reads_from_replica

router = ReplicaRouter()


@reads_from_replica
def chosen_database() -> str:
    return router.db_for_read(object)


def reason() -> str | None:
    state = db_router.replica_state()
    return state.reason if state is not None else None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Iterator[Clock]:
    db_router.forget_replica_state()
    c = Clock()
    with mock.patch.object(db_router, "monotonic", c):
        yield c
    db_router.forget_replica_state()


@pytest.fixture
def replica(clock: Clock, settings: pytest.FixtureRequest) -> Iterator[mock.MagicMock]:
    """A configured replica whose lag the test sets (`probe.return_value`, `probe.side_effect`)."""
    settings.OPENCASUS_REPLICA_MAX_LAG = 10  # type: ignore[attr-defined]
    settings.OPENCASUS_REPLICA_CHECK_SECONDS = 5  # type: ignore[attr-defined]
    with mock.patch.object(db_router, "replica_configured", return_value=True), \
            mock.patch.object(db_router, "probe_lag_seconds", return_value=0.0) as probe:
        yield probe


def test_without_a_replica_everything_reads_the_primary(clock: Clock) -> None:
    assert REPLICA not in django_settings.DATABASES  # the default configuration
    assert db_router.replica_usable() is False
    assert chosen_database() == DEFAULT_DB_ALIAS
    assert db_router.replica_state() is None  # nothing to ask


def test_only_marked_code_reads_the_replica(replica: mock.MagicMock) -> None:
    assert chosen_database() == REPLICA
    assert router.db_for_read(object) == DEFAULT_DB_ALIAS  # unmarked code
    assert router.db_for_write(object) == DEFAULT_DB_ALIAS
    assert router.allow_migrate(REPLICA, "cases") is False
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "cases") is True


@pytest.mark.django_db
def test_a_marked_call_inside_a_transaction_of_the_primary_reads_the_primary(replica: mock.MagicMock) -> None:
    with transaction.atomic():  # it may have written: it must see its own writes
        assert chosen_database() == DEFAULT_DB_ALIAS


def test_a_lagging_replica_is_left_alone_until_it_catches_up(replica: mock.MagicMock, clock: Clock) -> None:
    replica.return_value = 10.5
    assert chosen_database() == DEFAULT_DB_ALIAS
    assert reason() == "lag"
    assert db_router.replica_state() == db_router.ReplicaState(usable=False, reason="lag", lag_seconds=10.5,
                                                               checked_at=clock.now)
    replica.return_value = 0.2
    clock.now += 4.9  # the answer is kept for OPENCASUS_REPLICA_CHECK_SECONDS
    assert chosen_database() == DEFAULT_DB_ALIAS
    assert replica.call_count == 1
    clock.now += 0.2
    assert chosen_database() == REPLICA
    assert replica.call_count == 2


def test_lag_at_the_limit_is_accepted(replica: mock.MagicMock) -> None:
    replica.return_value = 10.0
    assert chosen_database() == REPLICA


def test_a_replica_that_is_down_or_no_standby_is_not_used(replica: mock.MagicMock, clock: Clock) -> None:
    replica.side_effect = OperationalError("connection refused")
    assert chosen_database() == DEFAULT_DB_ALIAS
    assert reason() == "down"
    clock.now += 6
    replica.side_effect = None
    replica.return_value = None  # promoted, or nothing replayed yet
    assert chosen_database() == DEFAULT_DB_ALIAS
    assert reason() == "not-standby"


def test_the_probe_runs_at_most_once_per_interval(replica: mock.MagicMock, clock: Clock) -> None:
    for _ in range(20):
        assert chosen_database() == REPLICA
        clock.now += 0.1
    assert replica.call_count == 1


def test_a_report_that_fails_on_the_replica_runs_again_on_the_primary(replica: mock.MagicMock) -> None:
    calls: list[str] = []

    @reads_from_replica
    def report() -> str:
        database = router.db_for_read(object)
        calls.append(database)
        if database == REPLICA:
            raise OperationalError("server closed the connection unexpectedly")
        return "figures"

    assert report() == "figures"
    assert calls == [REPLICA, DEFAULT_DB_ALIAS]
    assert reason() == "down"
    assert chosen_database() == DEFAULT_DB_ALIAS  # until the next check


def test_an_error_on_the_primary_is_not_hidden(replica: mock.MagicMock) -> None:
    replica.return_value = 60.0  # lagging: the call reads the primary

    @reads_from_replica
    def report() -> str:
        raise OperationalError("primary down")

    with pytest.raises(OperationalError):
        report()


def test_an_error_that_is_not_a_connection_error_is_raised(replica: mock.MagicMock) -> None:
    @reads_from_replica
    def report() -> str:
        assert router.db_for_read(object) == REPLICA
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        report()


@pytest.mark.django_db
def test_the_probe_query_runs_on_the_database() -> None:
    # The primary is no standby: PostgreSQL answers "no lag figure"; another database has no replay.
    expected = None if connection.vendor == "postgresql" else 0.0
    assert db_router.probe_lag_seconds(DEFAULT_DB_ALIAS) == expected
