"""The machinery of the bad-input catalogue: hostile values by kind of field, and the two checks.

An API body with a bad value answers 400 problem+json with a Dutch reason per field (or, for a
reference to a record that does not exist, 404 like any record the caller cannot see); a form with a
bad value comes back with a Dutch message on the page. Either way nothing is stored or changed: every
table of the project's apps (the processing log aside) holds exactly what it held before."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.db import connection

from opencasus.core.text import LONG_TEXT_MAX_LENGTH, NAME_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH

DROP = object()
TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
ENGLISH = ("this field", "is required", "enter a valid", "must be", "not a valid", "ensure this", "select a valid",
           "valid integer", "invalid input", "expected a", "at most", "at least", "characters", "not allowed",
           "may not")
# Legitimate in free text and names: emoji, right-to-left script, diacritics, a tab and a line break.
LEGITIMATE = "Zorg 🌷 om حسن en Çelik-Öztürk\nTweede regel\tmet tab"
LEGITIMATE_NAME = "حسن 🌷 Çelik-Öztürk"
CONTROL = "Zorg\x00en\x1b[31m"
ESCAPE = "Zorg\x1b[31men\x07 \x7f"  # control characters without a NUL (which Django refuses by itself)
# Invisible format characters (Unicode category Cf) and the line/paragraph separators: refused in every
# text field, free text included.
FORMAT: list[tuple[str, str]] = [
    ("right-to-left override", "Jansen\u202egpj.exe"),
    ("zero-width space", "Jan\u200bsen"),
    ("byte-order mark", "\ufeffJansen"),
    ("line separator", "Jansen\u2028Pietersen"),
    ("paragraph separator", "Jansen\u2029Pietersen"),
    ("left-to-right mark", "Jansen\u200e"),
    ("right-to-left isolate", "Jansen\u2067x\u2069"),
    ("soft hyphen", "Jan\u00adsen"),
    ("word joiner", "Jan\u2060sen"),
]

Case = tuple[str, str, Any]  # (label, path, value)


def dutch(text: str) -> bool:
    return not any(phrase in text.lower() for phrase in ENGLISH)


def set_path(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """`body` with the value at `path` ("persons.0.firstName") replaced, or removed for DROP."""
    body = copy.deepcopy(body)
    target: Any = body
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last: Any = int(keys[-1]) if keys[-1].isdigit() else keys[-1]
    if value is DROP:
        del target[last]
    else:
        target[last] = value
    return body


# --- hostile values by kind of field (API bodies: JSON values of the wrong type too) ---------------------

def text(path: str, *, required: bool = True, limit: int = LONG_TEXT_MAX_LENGTH, api: bool = True) -> list[Case]:
    cases: list[Case] = [(f"{path}: {limit + 1} characters", path, "A" * (limit + 1)),
                         (f"{path}: control characters", path, CONTROL), (f"{path}: escape sequence", path, ESCAPE)]
    cases += [(f"{path}: {label}", path, value) for label, value in FORMAT]
    if api:
        cases += [(f"{path}: a list", path, ["tekst"])]
    if required:
        cases += [(f"{path}: missing", path, DROP), (f"{path}: only spaces", path, "   ")]
    return cases


def name(path: str, *, required: bool = True, api: bool = True) -> list[Case]:
    cases = text(path, required=required, limit=NAME_MAX_LENGTH, api=api)
    cases[0] = (f"{path}: 10,000 characters", path, "A" * 10_000)
    return cases + _single_line(path, api=api)


def line(path: str, *, required: bool = True, limit: int = SHORT_TEXT_MAX_LENGTH, api: bool = True) -> list[Case]:
    return text(path, required=required, limit=limit, api=api) + _single_line(path, api=api)


def _single_line(path: str, *, api: bool) -> list[Case]:
    """A page's single-line input refuses line breaks (an API body states no kind of input)."""
    if api:
        return []
    return [(f"{path}: line feed", path, "Jansen\nPietersen"),
            (f"{path}: carriage return", path, "Jansen\r\nPietersen")]


def date(path: str, *, required: bool = True, api: bool = True) -> list[Case]:
    cases: list[Case] = [(f"{path}: impossible date", path, "2026-02-30"),
                         (f"{path}: wrong format", path, "30-01-2026" if api else "morgen"),
                         (f"{path}: month 13", path, "2026-13-01")]
    if api:
        cases += [(f"{path}: a number", path, 20260130)]
    if required:
        cases += [(f"{path}: missing", path, DROP)]
    return cases


def birth_date(path: str, *, api: bool = True) -> list[Case]:
    return [*date(path, required=False, api=api), (f"{path}: in the future", path, TOMORROW),
            (f"{path}: before 1900", path, "1850-01-01")]


def ref(path: str, *, required: bool = True, api: bool = True) -> list[Case]:
    """A reference to a record by id."""
    cases: list[Case] = [(f"{path}: text", path, "een"), (f"{path}: no such record", path, 987654321),
                         (f"{path}: beyond any database integer", path, 10**20)]
    if api:
        cases += [(f"{path}: a list", path, [1]), (f"{path}: a fraction", path, 1.5)]
    if required:
        cases += [(f"{path}: missing", path, DROP)]
    return cases


def choice(path: str, *, required: bool = True, api: bool = True) -> list[Case]:
    cases: list[Case] = [(f"{path}: unknown value", path, "onbekend"), (f"{path}: control characters", path, CONTROL)]
    if api:
        cases += [(f"{path}: a list", path, ["x"]), (f"{path}: a number", path, 42)]
    if required:
        cases += [(f"{path}: missing", path, DROP)]
    return cases


def number(path: str, *, low: int, high: int, required: bool = True, api: bool = True) -> list[Case]:
    cases: list[Case] = [(f"{path}: text", path, "vijf"), (f"{path}: below {low}", path, low - 1),
                         (f"{path}: above {high}", path, high + 1)]
    if api:
        cases += [(f"{path}: a fraction", path, 2.5)]
    if required:
        cases += [(f"{path}: missing", path, DROP)]
    return cases


def listing(path: str) -> list[Case]:
    return [(f"{path}: not a list", path, "x"), (f"{path}: an object", path, {"a": 1})]


# --- targets and checks --------------------------------------------------------------------------------

@dataclass
class Target:
    """Where a valid body goes: who sends it, to which address, with which method."""

    user: Any
    url: str
    body: dict[str, Any]
    method: str = "post"
    ok: tuple[int, ...] = (200, 201, 302)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Endpoint:
    setup: Callable[[], Target]
    cases: list[Case]
    legitimate: list[str] = field(default_factory=list)  # paths of free text that must keep emoji and RTL
    names: list[str] = field(default_factory=list)  # paths of names (no line breaks)


def params(endpoints: dict[str, Endpoint]) -> list[Any]:
    return list(_params(endpoints))


def _params(endpoints: dict[str, Endpoint]) -> Iterator[Any]:
    """One test per field: its hostile values are sent one after the other to the same record (each is
    refused, so the record stays as it was)."""
    for key, endpoint in endpoints.items():
        fields: dict[str, list[tuple[str, Any]]] = {}
        for label, path, value in endpoint.cases:
            fields.setdefault(path, []).append((label, value))
        for path, values in fields.items():
            yield pytest.param(key, path, values, id=f"{key} | {path}")


def legitimate_params(endpoints: dict[str, Endpoint]) -> list[Any]:
    return list(_legitimate(endpoints))


def _legitimate(endpoints: dict[str, Endpoint]) -> Iterator[Any]:
    for key, endpoint in endpoints.items():
        for path in endpoint.legitimate:
            yield pytest.param(key, path, LEGITIMATE, id=f"{key} | {path}: emoji and right-to-left text")
        for path in endpoint.names:
            yield pytest.param(key, path, LEGITIMATE_NAME, id=f"{key} | {path}: emoji and right-to-left name")


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the project's apps, except the processing log (reads are logged)."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model.__module__.startswith("opencasus.") and model._meta.app_label not in {"logbook", "scale"}:
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 - a table name of our own
                rows[model._meta.label] = [tuple(row) for row in cursor.fetchall()]
    return rows


def stored_strings(rows: dict[str, list[tuple[Any, ...]]]) -> set[str]:
    return {value for table in rows.values() for row in table for value in row if isinstance(value, str)}


def _changed(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    return [label for label in after if after[label] != before.get(label)]


def send(client: Any, target: Target, body: dict[str, Any], *, api: bool) -> Any:
    call = getattr(client, target.method)
    if api:
        return call(target.url, body, format="json", **target.extra)
    return call(target.url, body, **target.extra)


def check_api_refuses(api_client: Any, endpoint: Endpoint, path: str, values: list[tuple[str, Any]]) -> None:
    target = endpoint.setup()
    client = api_client(target.user)
    before = snapshot()
    for label, value in values:
        response = send(client, target, set_path(target.body, path, value), api=True)
        reference = (isinstance(value, int) and value in {987654321, 10**20}) or path.lower().endswith("id")
        assert_refused(response, before, statuses={400, 404} if reference else {400}, label=label)


def assert_refused(response: Any, before: dict[str, list[Any]], statuses: Collection[int] = (400,),
                   label: str = "") -> None:
    """400 problem+json with a Dutch reason per field (or 404 for a reference to nothing); nothing stored."""
    content = response.content[:400]
    assert response.status_code in statuses, f"{label}: {response.status_code} {content!r}"
    assert response["Content-Type"] == "application/problem+json", f"{label}: {content!r}"
    problem = response.json()
    if response.status_code == 400:
        assert problem.get("invalidParams"), f"{label}: {problem}"
        reasons = " ".join(p["reason"] for p in problem["invalidParams"])
        assert dutch(reasons), f"{label}: not Dutch: {reasons}"
    else:
        assert dutch(problem["detail"]), f"{label}: {problem}"
    assert not _changed(before, snapshot()), f"{label}: stored: {_changed(before, snapshot())}"


def check_api_keeps(api_client: Any, endpoint: Endpoint, path: str, value: str) -> None:
    target = endpoint.setup()
    response = send(api_client(target.user), target, set_path(target.body, path, value), api=True)
    assert response.status_code in target.ok, f"{response.status_code} {response.content[:400]!r}"
    assert any(value in stored for stored in stored_strings(snapshot()))  # some texts are stored within others


_ERROR = re.compile(r'<(?:div|ul|p)[^>]*class="[^"]*(?:utrecht-form-field-error-message|utrecht-alert--error|errorlist)'
                    r'[^"]*"[^>]*>(.*?)</(?:div|ul|p)>', re.S)


def page_errors(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", m).strip() for m in _ERROR.findall(html) if m.strip()]


def check_page_refuses(verified_client: Any, endpoint: Endpoint, path: str, values: list[tuple[str, Any]]) -> None:
    target = endpoint.setup()
    client = verified_client(target.user)  # signing in changes the user's last login
    before = snapshot()
    for label, value in values:
        body = dict(target.body)
        if value is DROP:
            body.pop(path)
        else:
            body[path] = value
        response = send(client, target, body, api=False)
        assert response.status_code in {200, 400}, f"{label}: {response.status_code} {response.get('Location')}"
        html = response.content.decode()
        errors = page_errors(html) if "<html" in html else [html]  # a NUL in a query: refused before any view
        assert "<html" in html or "NUL" in html, f"{label}: {html}"
        assert errors, f"{label}: no message on the page"
        assert all(dutch(e) for e in errors), f"{label}: {errors}"
        assert not _changed(before, snapshot()), f"{label}: stored: {_changed(before, snapshot())}"


def check_page_keeps(verified_client: Any, endpoint: Endpoint, path: str, value: str) -> None:
    target = endpoint.setup()
    response = send(verified_client(target.user), target, {**target.body, path: value}, api=False)
    assert response.status_code in target.ok, page_errors(response.content.decode()) or response.status_code
    if response.status_code == 200:
        assert not page_errors(response.content.decode())
    stored = stored_strings(snapshot())
    assert any(value in s or value.replace("\n", "\r\n") in s for s in stored)


def catalogue(api: dict[str, Endpoint], pages: dict[str, Endpoint]) -> tuple[Callable[..., None], ...]:
    """The four tests of an app's catalogue; assign them to module-level names starting with `test_`."""

    @pytest.mark.django_db
    @pytest.mark.parametrize(("endpoint", "path", "values"), params(api))
    def api_refuses(api_client: Any, endpoint: str, path: str, values: list[tuple[str, Any]]) -> None:
        check_api_refuses(api_client, api[endpoint], path, values)

    @pytest.mark.django_db
    @pytest.mark.parametrize(("endpoint", "path", "value"), legitimate_params(api))
    def api_keeps_legitimate_text_exactly(api_client: Any, endpoint: str, path: str, value: str) -> None:
        check_api_keeps(api_client, api[endpoint], path, value)

    @pytest.mark.django_db
    @pytest.mark.parametrize(("endpoint", "path", "values"), params(pages))
    def page_refuses(verified_client: Any, endpoint: str, path: str, values: list[tuple[str, Any]]) -> None:
        check_page_refuses(verified_client, pages[endpoint], path, values)

    @pytest.mark.django_db
    @pytest.mark.parametrize(("endpoint", "path", "value"), legitimate_params(pages))
    def page_keeps_legitimate_text_exactly(verified_client: Any, endpoint: str, path: str, value: str) -> None:
        check_page_keeps(verified_client, pages[endpoint], path, value)

    return api_refuses, api_keeps_legitimate_text_exactly, page_refuses, page_keeps_legitimate_text_exactly
