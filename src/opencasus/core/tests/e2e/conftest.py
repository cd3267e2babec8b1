"""Fixtures for the real-browser tests: the live server on 127.0.0.1 and Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from opencasus.core.tests.e2e import browser as b

# The live server listens on the loopback address only.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    reason = b.chromium_missing_reason()
    if reason:
        if b.browser_required():
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are ordinary blocking calls and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = b.launch(playwright)
        yield instance
        instance.close()


@pytest.fixture
def browser_session(chromium: Any) -> Iterator[Callable[[], b.Session]]:
    """Opens one browser context per user; all are closed at the end of the test."""
    sessions: list[b.Session] = []

    def open_session() -> b.Session:
        session = b.new_session(chromium)
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.context.close()


@pytest.fixture(autouse=True)
def reference_data(request: pytest.FixtureRequest) -> None:
    """Tests against the live server commit their data and the database is emptied after each;
    the regions and municipalities (loaded by a data migration) are put back first."""
    if "transactional_db" not in request.fixturenames and "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from opencasus.network.models import Municipality, Region
    from opencasus.network.reference import load_reference_data

    if not Region.objects.exists():
        load_reference_data(Region, Municipality)
