import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.core.tests.clients import VerifiedClient
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

SRC = str(Path(__file__).resolve().parents[3])
GOOD_ENV = {
    "SECRET_KEY": "x" * 64,
    "ALLOWED_HOSTS": "casus.example.nl",
    "OPENCASUS_FIELD_KEY": "k" * 40,
    "DATABASE_URL": "postgres://localhost/none",
}


def load_production(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in GOOD_ENV and k not in {"DEBUG"}}
    clean.update(env)
    clean["PYTHONPATH"] = SRC
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='opencasus.settings.production'; django.setup()"
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True,
                          timeout=60, check=False)


def test_production_starts_with_proper_settings() -> None:
    result = load_production(GOOD_ENV)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("override", "message"), [
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"SECRET_KEY": "short"}, "SECRET_KEY"),
    ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ({"OPENCASUS_FIELD_KEY": ""}, "OPENCASUS_FIELD_KEY"),
    ({"OPENCASUS_DEMO_WITHOUT_SECOND_FACTOR": "1"}, "second factor"),
    ({"DEBUG": "true"}, "DEBUG"),
])
def test_production_refuses_to_start_insecurely(override: Any, message: str) -> None:
    result = load_production({**GOOD_ENV, **override})
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.django_db
def test_security_headers_on_pages_with_personal_data(verified_client: VerifiedClient) -> None:
    house = HouseFactory.create()
    client = verified_client(member(house, Role.PROCESS_DIRECTOR))
    response = client.get(reverse("network:overview", args=[house.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_login_page_is_public_and_has_csp() -> None:
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_csrf_is_enforced_on_login() -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("accounts:login"), {"username": "a", "password": "b"}).status_code == 403
