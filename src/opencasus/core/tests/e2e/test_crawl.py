"""A crawl of the pages as every demo role, in Dutch, in a real browser.

With the demo data loaded, one login per distinct set of roles starts at the start page and follows
same-site links (GET only, no downloads, no admin, no API), at most one address per URL pattern (route
and query keys) and `MAX_PAGES` per login. Each page fails on: a server error; horizontal overflow at
390 px; a main menu taller than one row at 1366 px; a visible code value (snake_case, or a choice value
of any model); an English month or day name; a visible internal id; a form field without a label; an
axe-core WCAG 2.1 A/AA violation. All failures are reported together, with address and reason.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts.models import User
from opencasus.core.tests.e2e import browser as b
from opencasus.core.tests.e2e.crawl_rules import text_problems
from opencasus.logbook.register import DEFAULT_ACTIVITIES
from opencasus.network.demo import load_network
from opencasus.network.management.commands.load_demo import demo_steps
from opencasus.network.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_PAGES = 40
WIDE = {"width": 1366, "height": 768}
NARROW = {"width": 390, "height": 844}
SKIPPED_PREFIXES = ("/uitloggen", "/beheer/", "/api/", "/static/", "/media", "/inloggen", "/tweede-factor")
# Routes that answer with a file, or that end the session.
SKIPPED_ROUTE_WORDS = ("download", "pdf", "export", "logout", "ics")
# snake_case words that may be visible (none so far).
ALLOWED_CODES: set[str] = set()

PAGE_FACTS = """() => {
  const text = document.body ? document.body.innerText : '';
  const unlabelled = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    if (el.getClientRects().length === 0 && !el.closest('details')) continue;  // not shown
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
      || el.getAttribute('title');
    if (!named) unlabelled.push(el.name || el.id || el.tagName.toLowerCase());
  }
  const list = document.querySelector('.oc-nav--wide .oc-nav__list');
  const item = list ? list.querySelector('.oc-nav__item') : null;
  const links = [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href);
  // Text in code elements (file column names, examples) is technical on purpose.
  const code = [...document.querySelectorAll('code, kbd, samp, pre')].map(e => e.innerText);
  return {text, code, unlabelled, links, lang: document.documentElement.lang,
          navHeight: list ? list.getBoundingClientRect().height : 0,
          itemHeight: item ? item.getBoundingClientRect().height : 0};
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def code_values() -> set[str]:
    """The choice values of every model that look like codes (a word joined by _ or -)."""
    values: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("opencasus."):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or []:
                if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+", value):
                    values.add(value)
    values |= {code for code, *_rest in DEFAULT_ACTIVITIES if re.fullmatch(r"[a-z]+(?:[_-][a-z]+)+", code)}
    return values


def route_key(url: str) -> str | None:
    """The URL pattern of a same-site page address (route name and query keys), or None to skip it."""
    parts = urlsplit(url)
    if any(parts.path.startswith(prefix) for prefix in SKIPPED_PREFIXES):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return f"404:{parts.path}"
    name = match.view_name
    if any(word in name for word in SKIPPED_ROUTE_WORDS):
        return None
    keys = sorted({k for k, _v in parse_qsl(parts.query) if k != "page"})
    return name + ("?" + "&".join(keys) if keys else "")


def crawl_logins(usernames: list[str]) -> list[Any]:
    """One of the demo's printed logins per distinct set of roles."""
    seen: set[frozenset[str]] = set()
    users = []
    for username in usernames:
        user = User.objects.get(username=username)
        roles = frozenset(Membership.objects.active().filter(user=user).values_list("role", flat=True))
        key = roles or frozenset({"staff" if user.is_staff else "none"})
        if key in seen:
            continue
        seen.add(key)
        users.append(user)
    return users


def signed_in_context(chromium: Any, live_url: str, user: Any) -> b.Session:
    """A browser whose session cookie is a signed-in, second-factor-verified session of `user`."""
    client = Client()
    client.force_login(user)
    session = client.session
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    assert device is not None
    session["otp_device_id"] = device.persistent_id
    session.save()
    browser_session = b.new_session(chromium)
    browser_session.context.add_cookies([{"name": "sessionid", "value": session.session_key, "url": live_url}])
    browser_session.page.set_viewport_size(WIDE)
    return browser_session


def check(page: Any, url: str, codes: set[str], *, scan: bool) -> tuple[list[str], list[str]]:
    """The failures of the open page, and the links on it; `scan`: also run axe-core."""
    problems: list[str] = []
    facts = page.evaluate(PAGE_FACTS)
    text: str = facts["text"]
    for fragment in facts["code"]:
        text = text.replace(fragment, " ")
    if facts["lang"] != "nl":
        problems.append(f"page language {facts['lang']!r}, not nl")
    if facts["itemHeight"] and facts["navHeight"] > facts["itemHeight"] * 1.5:
        problems.append(f"main menu is {facts['navHeight']:.0f}px tall at 1366px (more than one row)")
    problems.extend(text_problems(text, codes, ALLOWED_CODES))
    if facts["unlabelled"]:
        problems.append(f"fields without a label: {facts['unlabelled'][:5]}")
    violations = b.axe_violations(page, "crawl " + urlsplit(url).path) if scan else []
    for violation in violations:
        problems.append(f"axe {violation['id']}: {violation['help']} {violation['nodes'][:2]}")
    page.set_viewport_size(NARROW)
    overflow = page.evaluate(OVERFLOW)
    if overflow > 0:
        problems.append(f"horizontal overflow of {overflow}px at 390px")
    page.set_viewport_size(WIDE)
    return problems, facts["links"]


def crawl_as(chromium: Any, live_url: str, user: Any, codes: set[str],
             scanned: set[str]) -> tuple[list[str], list[str]]:
    """Visit the pages reachable from the start page; returns the visited addresses and the failures.
    axe-core runs once per URL pattern over all logins (`scanned`): the template is the same, and the
    scan is the slow part."""
    session = signed_in_context(chromium, live_url, user)
    page = session.page
    queue = [f"{live_url}/"]
    seen_keys: set[str] = set()
    visited: list[str] = []
    failures: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        key = route_key(url)
        if key is None or key in seen_keys:
            continue
        seen_keys.add(key)
        try:
            response = page.goto(url, wait_until="load")
        except Exception as error:  # a download or a navigation the browser refused
            if "Download is starting" not in str(error):
                failures.append(f"{user.username} {url}: {str(error).splitlines()[0]}")
            continue
        visited.append(url)
        status = response.status if response is not None else 0
        content_type = (response.headers.get("content-type", "") if response is not None else "")
        if status >= 500:
            failures.append(f"{user.username} {url}: HTTP {status}")
            continue
        if "text/html" not in content_type:
            continue
        problems, links = check(page, url, codes, scan=key not in scanned)
        scanned.add(key)
        failures.extend(f"{user.username} {url}: {problem}" for problem in problems)
        for link in links:
            link = link.split("#", 1)[0]
            if link.startswith(live_url) and link not in queue:
                queue.append(link)
    session.context.close()
    return visited, failures


def test_every_page_as_every_demo_role(live_server: Any, chromium: Any, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    with transaction.atomic():
        house, logins = load_network()
        for step in demo_steps():
            step(house)
    codes = code_values()
    visited: dict[str, list[str]] = {}
    failures: list[str] = []
    scanned: set[str] = set()
    for user in crawl_logins([login.username for login in logins]):
        pages, problems = crawl_as(chromium, live_server.url, user, codes, scanned)
        visited[user.username] = pages
        failures.extend(problems)
    summary = {"seconds": round(time.monotonic() - started), "pages_per_role": {u: len(p) for u, p in visited.items()},
               "failures": len(failures)}
    b.ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (b.ARTIFACTS / "crawl.json").write_text(json.dumps({**summary, "visited": visited, "failure_list": failures},
                                                       indent=1, ensure_ascii=False), encoding="utf-8")
    with capsys.disabled():
        print("\ncrawl:", json.dumps(summary))
    assert len(visited) >= 5, visited
    assert all(len(p) >= 2 for p in visited.values()), visited
    assert failures == [], f"{len(failures)} crawl failures:\n" + "\n".join(failures)
