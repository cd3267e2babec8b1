"""What a production install contains: the locked dependencies and the apps of the production settings."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[4]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "opencasus.settings.production",
    "SECRET_KEY": "p" * 20 + "Q7x!" + "r" * 30,
    "ALLOWED_HOSTS": "casus.example.nl",
    "OPENCASUS_FIELD_KEY": "k" * 40,
    "DATABASE_URL": "postgres://opencasus@127.0.0.1:5432/opencasus",
}
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^ \\]+)", re.MULTILINE)


def _pins(name: str) -> dict[str, str]:
    text = (PROJECT_DIR / name).read_text(encoding="utf-8")
    return {package.lower().replace("_", "-"): version for package, version in PIN.findall(text)}


def _production(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV, PYTHONPATH=str(PROJECT_DIR / "src"))
    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_production_lock_leaves_out_the_development_tools() -> None:
    production = _pins("requirements.lock")
    for tool in ("faker", "pytest", "ruff", "mypy", "playwright", "schemathesis", "factory-boy"):
        assert tool not in production


def test_development_lock_pins_the_production_dependencies_at_the_same_versions() -> None:
    production = _pins("requirements.lock")
    development = _pins("requirements-dev.lock")
    assert production
    assert {name: development.get(name) for name in production} == production


@pytest.mark.parametrize("name", ["requirements.lock", "requirements-dev.lock"])
def test_every_pin_carries_a_hash(name: str) -> None:
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", (PROJECT_DIR / name).read_text(encoding="utf-8"))
    pinned = [block for block in blocks if PIN.match(block)]
    assert pinned
    assert [block.split()[0] for block in pinned if "--hash=sha256:" not in block] == []


def test_production_settings_install_no_development_app() -> None:
    apps = _production("from django.conf import settings; print(' '.join(settings.INSTALLED_APPS))").split()
    assert "opencasus.core" in apps
    assert "opencasus.scale" not in apps


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def test_code_imports_only_declared_dependencies() -> None:
    """python-dateutil was imported without being declared: every third-party module the production
    code imports is a dependency in pyproject.toml (the import names that differ are mapped)."""
    declared = (PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8").split("[project.optional-dependencies]")[0]
    import_names = {"dateutil": "python-dateutil", "rest_framework": "djangorestframework",
                    "djangorestframework_camel_case": "djangorestframework-camel-case", "psycopg": "psycopg",
                    "dj_database_url": "dj-database-url", "django_otp": "django-otp", "axes": "django-axes",
                    "csp": "django-csp", "knox": "django-rest-knox", "django_filters": "django-filter",
                    "drf_spectacular": "drf-spectacular", "yaml": "PyYAML",
                    "mozilla_django_oidc": "mozilla-django-oidc"}
    stdlib = set(sys.stdlib_module_names)
    missing: set[str] = set()
    for path in (PROJECT_DIR / "src" / "opencasus").rglob("*.py"):
        parts = path.relative_to(PROJECT_DIR / "src" / "opencasus").parts
        if "tests" in parts or parts[0] in {"scale", "settings"} or path.name in {"demo.py", "conftest.py"}:
            continue
        for module in _imported_modules(path):
            if module in stdlib or module in {"opencasus", "__future__"}:
                continue
            distribution = import_names.get(module, module)
            if f'"{distribution.lower()}' not in declared.lower():
                missing.add(f"{module} ({path.relative_to(PROJECT_DIR)})")
    assert sorted(missing) == []
