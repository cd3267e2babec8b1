"""The layers of the code base (pyproject.toml, `[tool.importlinter]`), checked by import-linter."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[4]
LINT_IMPORTS = PROJECT_DIR / ".venv" / "bin" / "lint-imports"


def _lint(src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(PROJECT_DIR / "pyproject.toml"), "--no-cache"],
                          cwd=src, capture_output=True, text=True, timeout=300, check=False)


def test_the_code_keeps_its_layers() -> None:
    result = _lint(PROJECT_DIR / "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_service_importing_a_higher_layer_breaks_the_contract(tmp_path: Path) -> None:
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


# A model query (`Model.objects.filter(...)`, `._default_manager`) in a view, an API module or a form: reads go
# through selectors, which apply the access policy. `Model.objects.none()` only names the model.
ORM_QUERY = re.compile(r"\b[A-Z]\w*\.(?:objects|_default_manager)\.(?!none\(\))\w+")
PACKAGE = PROJECT_DIR / "src" / "opencasus"


def _interface_modules() -> list[Path]:
    patterns = ["*/views.py", "*/views_*.py", "*/views/**/*.py", "*/api/**/*.py", "*/forms.py", "*/forms/**/*.py",
                "cases/workspace/**/*.py"]
    found = {path for pattern in patterns for path in PACKAGE.glob(pattern)}
    return sorted(path for path in found if "tests" not in path.relative_to(PACKAGE).parts)


def test_views_api_modules_and_forms_make_no_model_queries():
    offences = [
        f"{path.relative_to(PACKAGE)}:{number}: {match.group(0)}"
        for path in _interface_modules()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for match in ORM_QUERY.finditer(line)
    ]
    assert offences == []


def test_the_scan_sees_forms():
    assert PACKAGE / "plans" / "forms.py" in _interface_modules()
    assert ORM_QUERY.search("qs = Organisation.objects.filter(pk=1)")
    assert not ORM_QUERY.search("queryset=Organisation.objects.none()")
