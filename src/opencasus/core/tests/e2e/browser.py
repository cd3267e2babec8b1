"""Real-browser helpers: Debian's Chromium driven by Playwright, axe-core scans, screenshots.

axe-core is injected with `add_init_script` (evaluated by the browser itself, outside the page's
Content-Security-Policy), so the app's CSP stays fully enforced during the tests and any CSP
violation shows up as a console error, which the tests fail on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parents[5]
ARTIFACTS = PROJECT_DIR / "test-artifacts"
AXE_SCRIPT = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return "Chromium is not installed (make browser-setup installs it)"
    if not AXE_SCRIPT.exists():
        return "node_modules/axe-core is not installed (npm ci)"
    return None


def browser_required() -> bool:
    """`make check-all` requires the browser tests to run; a plain `make pytest` may skip them."""
    return os.environ.get("OPENCASUS_REQUIRE_BROWSER", "") == "1"


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


@dataclass
class Session:
    """One browser context (one user) with console errors collected."""

    context: Any
    page: Any
    console_errors: list[str] = field(default_factory=list)


def new_session(browser: Any) -> Session:
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.add_init_script(script=AXE_SCRIPT.read_text(encoding="utf-8"))
    page = context.new_page()
    page.set_default_timeout(15_000)
    session = Session(context, page)
    page.on("console", lambda msg: session.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: session.console_errors.append(str(exc)))
    page.on("response", lambda r: session.console_errors.append(f"HTTP {r.status} {r.url}")
            if r.status >= 400 and r.request.resource_type != "document" else None)
    return session


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "screenshots" / f"{_slug(name)}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page: Any, name: str) -> list[dict[str, Any]]:
    """Run axe-core on the current page at WCAG 2.1 A/AA and record the result for the report."""
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    violations = [
        {"id": v["id"], "impact": v.get("impact"), "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
    out = ARTIFACTS / "axe"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{_slug(name)}.json").write_text(json.dumps({
        "page": name, "url": page.url, "rules_passed": len(result.get("passes", [])),
        "violations": violations,
    }, indent=1), encoding="utf-8")
    return violations


def scan_summary(*, since: float) -> str | None:
    """The accessibility figure of this run, from the axe reports written since it started
    (works with pytest-xdist too: the workers write the reports, the controller reads them)."""
    reports = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((ARTIFACTS / "axe").glob("*.json"))
               if path.stat().st_mtime >= since]
    if not reports:
        return None
    violations = sum(len(report["violations"]) for report in reports)
    return (f"axe-core (WCAG 2.1 A/AA): {len(reports)} pages scanned, {violations} violations; "
            f"reports and screenshots in {ARTIFACTS.relative_to(PROJECT_DIR)}/")


# Ids that a label or an ARIA reference points at, used more than once: the reference then names or
# describes only the first element (axe-core no longer reports duplicate ids since WCAG 2.2).
DUPLICATE_REFERENCED_IDS = """() => {
  const count = {};
  for (const e of document.querySelectorAll('[id]')) count[e.id] = (count[e.id] || 0) + 1;
  const refs = new Set();
  for (const l of document.querySelectorAll('label[for]')) refs.add(l.htmlFor);
  for (const e of document.querySelectorAll('[aria-labelledby], [aria-describedby]'))
    for (const attr of ['aria-labelledby', 'aria-describedby'])
      for (const id of (e.getAttribute(attr) || '').split(/\\s+/)) if (id) refs.add(id);
  return [...refs].filter(id => count[id] > 1).sort();
}"""


def check_page(session: Session, name: str) -> None:
    """The standard checks of every page in the flow: axe-clean, labels and descriptions point at one
    element each, no CSP or script errors, screenshot."""
    page = session.page
    page.wait_for_load_state("load")
    screenshot(page, name)
    violations = axe_violations(page, name)
    assert violations == [], f"{name}: accessibility violations {json.dumps(violations, indent=1)}"
    duplicates = page.evaluate(DUPLICATE_REFERENCED_IDS)
    assert duplicates == [], f"{name}: labels or descriptions point at ids used more than once: {duplicates}"
    assert session.console_errors == [], f"{name}: console errors {session.console_errors}"
    assert page.locator("html").get_attribute("lang") == "nl"
