"""Reads of personal data are logged in the selectors that read them, never in pages, API views or mixins.

Like `test_layering.py` keeps ORM queries out of interface modules, this scans them for calls of the
processing log (`record_processing` and the apps' helpers around it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import opencasus

SRC = Path(opencasus.__file__).resolve().parent

# The processing log and the helpers the apps build on it.
LOGGING_CALLS = frozenset({
    "record_processing", "record_processing_many", "log", "log_case", "log_cases", "log_cases_shown",
    "log_without_subject", "log_scope", "log_figures", "log_privacy",
})

# Interface modules whose reads have not moved into their selectors yet (work in progress): each one
# leaving this list is a step, no module may join it.
NOT_YET_MOVED = frozenset({
    "meetings/views.py", "meetings/views_minutes.py", "meetings/api/views.py",
    "reporting/views.py", "reporting/views_data.py", "reporting/api/views.py",
    "privacy/api/views.py", "privacy/views/log.py", "privacy/views/overview.py", "privacy/views/requests.py",
})


def is_interface_module(relative: str) -> bool:
    parts = relative.split("/")
    if "tests" in parts or "migrations" in parts:
        return False
    name = parts[-1]
    return ("views" in parts[:-1] or "api" in parts[:-1] or "mixins" in parts[:-1]
            or name.startswith(("views", "mixins")))


def logging_calls(path: Path) -> list[str]:
    """The calls of the processing log in one module, as "name:line"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name == "log" and not isinstance(func, ast.Name):
            continue  # math.log, logger.log: only the bare helper `log(...)` counts
        if name in LOGGING_CALLS:
            found.append(f"{name}:{node.lineno}")
    return found


def offenders(src: Path, allowed: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    result = {}
    for path in sorted(src.rglob("*.py")):
        relative = path.relative_to(src).as_posix()
        if is_interface_module(relative) and relative not in allowed and (calls := logging_calls(path)):
            result[relative] = calls
    return result


def test_no_page_api_view_or_mixin_logs_a_read():
    assert offenders(SRC, NOT_YET_MOVED) == {}


def test_the_modules_not_yet_moved_still_exist_and_still_log():
    """A module that no longer logs leaves NOT_YET_MOVED, so the list only shrinks."""
    for relative in NOT_YET_MOVED:
        assert logging_calls(SRC / relative), f"{relative} no longer logs: remove it from NOT_YET_MOVED"


def test_a_view_calling_the_log_is_found(tmp_path):
    views = tmp_path / "things" / "views.py"
    api = tmp_path / "things" / "api" / "views.py"
    mixin = tmp_path / "things" / "mixins.py"
    selector = tmp_path / "things" / "selectors.py"
    for path in (views, api, mixin, selector):
        path.parent.mkdir(parents=True, exist_ok=True)
    views.write_text("def page(request):\n    record_processing(action='view')\n", encoding="utf-8")
    api.write_text("def get(self):\n    services.log_case(actor=1)\n    math.log(2)\n", encoding="utf-8")
    mixin.write_text("class M:\n    def get(self):\n        log(actor=1)\n", encoding="utf-8")
    selector.write_text("def thing_get():\n    record_processing(action='view')\n", encoding="utf-8")
    assert offenders(tmp_path) == {"things/api/views.py": ["log_case:2"], "things/mixins.py": ["log:3"],
                                   "things/views.py": ["record_processing:2"]}
