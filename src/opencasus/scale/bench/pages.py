"""Server time of the main pages at demo scale: the start page per demo role, the case list, a case page and
the search, each as a whole request through the Django test client (middleware, access policy, templates and
the processing-log records included; writes rolled back after each run)."""

from __future__ import annotations

import contextlib
import io
from typing import Any

from django.core.management import call_command
from django.db import connection

from opencasus.scale.bench.harness import Operation
from opencasus.scale.bench.operations import verified_client

TARGET_MS = 150


def ensure_database() -> None:
    """Create the PostgreSQL database of the page benchmark when it does not exist yet."""
    if connection.vendor != "postgresql":
        return
    import psycopg
    from psycopg import sql

    params = connection.get_connection_params()
    name = params.pop("dbname")
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def load_demo() -> None:
    """Migrate and load the demo (idempotent), without its printed logins and e-mails."""
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", stdout=io.StringIO())


def _get(client: Any, path: str) -> Any:
    def get() -> Any:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}")
        return response

    return get


def _post(client: Any, path: str, data: dict[str, str]) -> Any:
    def post() -> Any:
        response = client.post(path, data)
        if response.status_code != 200:
            raise RuntimeError(f"POST {path} answered {response.status_code}")
        return response

    return post


def page_operations() -> list[Operation | str]:
    from opencasus.accounts.models import User
    from opencasus.cases.models import Participant, Person
    from opencasus.cases.workflow import Status
    from opencasus.network.demo import PRINTED_LOGINS

    users = {u.username: u for u in User.objects.filter(username__in=[row[0] for row in PRINTED_LOGINS])}
    ops: list[Operation | str] = []
    clients = {}
    for username, _role, _org, _muni in PRINTED_LOGINS:
        user = users.get(username)
        if user is None:
            ops.append(f"start page, {username}: the demo login is missing")
            continue
        clients[username] = verified_client(user)
        ops.append(Operation(f"start page, {username}", _get(clients[username], "/"), writes=True, floor=False))
    director, partner = clients.get("procesregisseur"), clients.get("partner.politie")
    if director is None or partner is None:
        return ops
    ops.append(Operation("case list, process director", _get(director, "/casussen"), writes=True, floor=False))
    ops.append(Operation("case list, partner", _get(partner, "/casussen"), writes=True, floor=False))
    participation = (Participant.objects.active().filter(user=users["partner.politie"], case__status=Status.ADMITTED)
                     .order_by("case_id").first())
    if participation is None:
        ops.append("case page: the demo partner takes part in no running case")
        return ops
    ops.append(Operation("case page, process director", _get(director, f"/casussen/{participation.case_id}"),
                         writes=True, floor=False))
    ops.append(Operation("case page, partner", _get(partner, f"/casussen/{participation.case_id}"), writes=True,
                         floor=False))
    person = Person.objects.filter(case_id=participation.case_id).order_by("id").first()
    if person is not None:
        name = f"{person.first_name} {person.last_name}"
        ops.append(Operation("search by name, process director", _post(director, "/zoeken", {"q": name}),
                             writes=True, floor=False))
        ops.append(Operation("search by name, partner", _post(partner, "/zoeken", {"q": name}), writes=True,
                             floor=False))
    return ops
