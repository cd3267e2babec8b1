#!/usr/bin/env python
"""Refresh one app's Dutch message catalogue and fill it from a JSON mapping.

    .venv/bin/python scripts/translate.py network src/opencasus/network/locale/nl.json

The JSON file holds {"English msgid": "Nederlandse vertaling"}; it is the source of the
translations, reviewed like code. Untranslated msgids are listed so nothing slips through.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main(app: str) -> int:
    app_dir = ROOT / "src" / "opencasus" / app
    mapping_file = app_dir / "locale" / "nl.json"
    (app_dir / "locale").mkdir(exist_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "opencasus.settings.demo", "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", "-l", "nl", "--ignore", "tests/*", "--no-obsolete"],
        cwd=app_dir, env=env, check=True, capture_output=True,
    )
    mapping = json.loads(mapping_file.read_text(encoding="utf-8")) if mapping_file.exists() else {}
    po_path = app_dir / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    missing = []
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif not entry.msgstr or "fuzzy" in entry.flags:
            # A fuzzy entry is makemessages' guess from a similar msgid: never ship it as a translation.
            entry.msgstr = ""
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            missing.append(entry.msgid)
    po.metadata["Language"] = "nl"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save()
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    for msgid in missing:
        print(f"untranslated in {app}: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
