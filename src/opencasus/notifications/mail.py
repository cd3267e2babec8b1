"""Links in e-mails, built from the configured site address (OPENCASUS_SITE_URL)."""

from __future__ import annotations

from django.conf import settings


def site_url() -> str:
    return str(getattr(settings, "OPENCASUS_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")


def absolute(path: str) -> str:
    return f"{site_url()}{path}"
