import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from opencasus.accounts import middleware
from opencasus.core.tests.clients import VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def _expiry(client: Client) -> dt.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_used_session_is_written_at_most_once_per_touch_interval(verified_client: VerifiedClient,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    client = verified_client(member(HouseFactory.create(), Role.PROCESS_DIRECTOR))
    now = [1_000_000.0]
    monkeypatch.setattr(middleware.time, "time", lambda: now[0])
    assert client.get(reverse("core:start")).status_code == 200
    first = _expiry(client)
    now[0] += 30
    assert client.get(reverse("core:start")).status_code == 200
    assert _expiry(client) == first  # within the interval: not written again
    now[0] += 31
    assert client.get(reverse("core:start")).status_code == 200
    assert _expiry(client) > first  # after the interval: written, the idle limit moves forward


def test_an_unused_session_expires_after_the_idle_limit(verified_client: VerifiedClient, settings: Settings) -> None:
    client = verified_client(member(HouseFactory.create(), Role.PROCESS_DIRECTOR))
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=Session.objects.get(session_key=client.session.session_key).expire_date.replace(year=2000))
    response = client.get(reverse("core:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_requests_without_a_session_create_none(client: Client) -> None:
    before = Session.objects.count()
    client.get(reverse("accounts:login"))
    assert Session.objects.count() == before
