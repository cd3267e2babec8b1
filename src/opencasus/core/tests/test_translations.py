"""The Dutch catalogues (gettext .po per app, `make messages`) are complete and up to date."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[4]
PACKAGE = PROJECT_DIR / "src" / "opencasus"
APPS = sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))


def _catalogue(app_dir: Path) -> Path:
    return app_dir / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def _msgids(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


@pytest.mark.parametrize("app", APPS)
def test_every_message_is_translated_and_none_is_fuzzy(app: str) -> None:
    path = _catalogue(PACKAGE / app)
    if not path.exists():
        pytest.skip(f"{app} has no messages")
    po = polib.pofile(str(path))
    assert [entry.msgid for entry in po if "fuzzy" in entry.flags] == []
    assert [entry.msgid for entry in po if not entry.translated()] == []


@pytest.mark.parametrize("app", APPS)
def test_the_catalogue_holds_exactly_the_messages_of_the_code(app: str, tmp_path: Path) -> None:
    """`make messages` was run after the last change of a translatable text."""
    copy = tmp_path / app
    shutil.copytree(PACKAGE / app, copy, ignore=shutil.ignore_patterns("tests", "locale", "__pycache__", "static"))
    (copy / "locale").mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "opencasus.settings.test", "PYTHONPATH": str(PROJECT_DIR / "src")}
    subprocess.run([sys.executable, str(PROJECT_DIR / "manage.py"), "makemessages", "-l", "nl", "--no-obsolete"],
                   cwd=copy, env=env, check=True, capture_output=True, timeout=300)
    extracted_path = _catalogue(copy)
    extracted = _msgids(polib.pofile(str(extracted_path))) if extracted_path.exists() else set()
    committed_path = _catalogue(PACKAGE / app)
    committed = _msgids(polib.pofile(str(committed_path))) if committed_path.exists() else set()
    assert sorted(extracted - committed, key=str) == [], "run `make messages` and translate the new messages"
    assert sorted(committed - extracted, key=str) == [], "run `make messages`: the catalogue has unused messages"
