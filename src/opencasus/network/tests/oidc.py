"""A real OpenID provider for the sign-in tests: the certified npm package `oidc-provider`, installed from
`oidc_provider/package-lock.json` (npm ci, on first use) and started on a free port of 127.0.0.1."""

from __future__ import annotations

import fcntl
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import requests
from django.test import Client

from opencasus.accounts.models import User
from opencasus.network.identity import services
from opencasus.network.identity.models import IdentityProvider
from opencasus.network.models import House, Organisation, Partnership, Ring, Role

HERE = Path(__file__).parent / "oidc_provider"
CALLBACK = "http://testserver/inloggen/via/terug"
CLIENT_ID = "opencasus"
CLIENT_SECRET = "opencasus-test-secret"  # the local test provider's client


def _install() -> None:
    with open(HERE / ".install.lock", "w") as lock:  # several test workers may start at once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (HERE / "node_modules" / "oidc-provider" / "package.json").exists():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True, timeout=600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def oidc_issuer() -> Iterator[str]:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js is not installed: the sign-in tests run a local OpenID provider on it")
    _install()
    port = _free_port()
    process = subprocess.Popen(["node", "provider.js", str(port), CALLBACK], cwd=HERE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("listening"), f"the OpenID provider did not start: {line!r}"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def provider_of(house: House, organisation: Organisation, issuer: str, *, admin: User,
                second_factor_values: tuple[str, ...] = ("otp",), claim: str = "email",
                match_field: str = "email", scopes: str = "openid email") -> IdentityProvider:
    Partnership.objects.get_or_create(house=house, organisation=organisation,
                                      defaults={"ring": Ring.KEY_PARTNER})
    return services.provider_create(actor=admin, house_id=house.pk, config=services.ProviderSettings(
        organisation_id=organisation.pk, issuer=issuer, client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
        claim=claim, match_field=match_field, scopes=scopes, second_factor_values=second_factor_values))


def provider_redirects(start: Any, login: str) -> str:
    """The browser's part at the provider: follow its redirects, sign in as `login`; the callback path."""
    browser = requests.Session()
    location = start["Location"]
    response = browser.get(location, allow_redirects=False, timeout=10)
    interaction = urljoin(location, response.headers["location"])
    response = browser.post(interaction + "/login", data={"login": login}, allow_redirects=False, timeout=10)
    while not response.headers["location"].startswith("http://testserver"):
        response = browser.get(urljoin(location, response.headers["location"]), allow_redirects=False, timeout=10)
    return str(response.headers["location"]).removeprefix("http://testserver")


def sign_in(client: Client, provider: IdentityProvider, login: str) -> Any:
    start = client.get(f"/inloggen/via/{provider.pk}")
    assert start.status_code == 302, start
    return client.get(provider_redirects(start, login))


ADMIN_ROLE = Role.FUNCTIONAL_ADMINISTRATOR
