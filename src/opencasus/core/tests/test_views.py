"""The error pages are Dutch, also in the demo (which runs with DEBUG off unless asked)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views import defaults

from opencasus.cases.tests import helpers as h

pytestmark = pytest.mark.django_db


def test_not_found_is_the_dutch_page(verified_client: Any) -> None:
    w = h.world()
    response = verified_client(w.director).get("/bestaat-niet", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_refused_is_the_dutch_page() -> None:
    request = RequestFactory().get("/ergens")
    response = defaults.permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "U hebt geen toegang tot deze pagina" in response.content.decode()


def test_a_form_without_its_token_gets_the_dutch_page() -> None:
    response = Client(enforce_csrf_checks=True).post("/inloggen", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Dit formulier kon niet worden verstuurd" in response.content.decode()


def test_the_demo_runs_without_debug_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import opencasus.settings.demo as demo

    monkeypatch.delenv("DEBUG", raising=False)
    assert importlib.reload(demo).DEBUG is False
    monkeypatch.setenv("DEBUG", "true")
    assert importlib.reload(demo).DEBUG is True
    monkeypatch.delenv("DEBUG")
    importlib.reload(demo)
