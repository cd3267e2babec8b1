"""Shared fixtures: signed-in clients with a verified second factor, and API clients."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from typing import Any

import factory.random
import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.test import APIClient

from opencasus.network.tests.factories import TEST_PASSWORD

_RUN_STARTED = time.time()


@pytest.fixture(autouse=True)
def _seeded_faker(request: pytest.FixtureRequest) -> None:
    """Factories draw the same names in every run of a test (seeded by the test's id), so a name that
    trips a test trips it every time instead of at random."""
    factory.random.reseed_random(zlib.crc32(request.node.nodeid.encode()))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The accessibility figure of the browser tests, as one line in the (CI) output."""
    from opencasus.core.tests.e2e.browser import scan_summary

    line = scan_summary(since=_RUN_STARTED)
    if line:
        terminalreporter.write_line(line)


def _verified_client(user: Any) -> Client:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def verified_client() -> Callable[[Any], Client]:
    """A browser session that passed password and TOTP."""
    return _verified_client


@pytest.fixture
def api_client() -> Callable[[Any], APIClient]:
    def make(user: Any) -> APIClient:
        _instance, token = AuthToken.objects.create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client

    return make


@pytest.fixture
def password() -> str:
    return TEST_PASSWORD


@pytest.fixture(autouse=True)
def _fresh_activity_cache() -> None:
    """Each test's database starts afresh, so no register id may carry over from another test."""
    from opencasus.logbook.services import clear_activity_cache

    clear_activity_cache()
