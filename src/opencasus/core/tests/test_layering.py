"""The layers of the code base (pyproject.toml, `[tool.importlinter]`), checked by import-linter."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[4]
LINT_IMPORTS = PROJECT_DIR / ".venv" / "bin" / "lint-imports"


def _lint(src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(PROJECT_DIR / "pyproject.toml"), "--no-cache"],
                          cwd=src, capture_output=True, text=True, timeout=300, check=False)


def test_the_code_keeps_its_layers():
    result = _lint(PROJECT_DIR / "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_service_importing_a_higher_layer_breaks_the_contract(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(PROJECT_DIR / "src" / "opencasus", src / "opencasus",
                    ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "tests"))
    service = src / "opencasus" / "cases" / "services" / "transitions.py"
    service.write_text(service.read_text(encoding="utf-8") + "\nfrom opencasus.reporting import staleness  # noqa\n",
                       encoding="utf-8")
    result = _lint(src)
    assert result.returncode == 1
    assert "opencasus.cases.services.transitions -> opencasus.reporting.staleness" in result.stdout


def test_core_importing_the_access_policy_breaks_the_contract(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(PROJECT_DIR / "src" / "opencasus", src / "opencasus",
                    ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "tests"))
    views = src / "opencasus" / "core" / "views.py"
    views.write_text(views.read_text(encoding="utf-8") + "\nfrom opencasus.access import roles  # noqa\n",
                     encoding="utf-8")
    result = _lint(src)
    assert result.returncode == 1
    assert "opencasus.core.views -> opencasus.access.roles" in result.stdout
