"""CloudEvents 1.0 envelopes in the NL GOV profile (Logius, "CloudEvents NL GOV", v1.1).

- `source`: the installation's URN (`urn:nld:oin:<OIN>:systeem:opencasus`) or its URL (settings.WEBHOOK_SOURCE).
- `type`: reverse DNS (`nl.opencasus.case.admitted`).
- `subject`: only an opaque id (the case's public reference), never personal data.
- `dataref`: the API resource the receiver reads with its own credentials (the profile's "thin event").
- `data`: a reference and the link; no name, BSN or birth date.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from django.conf import settings

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"


def source() -> str:
    return str(getattr(settings, "WEBHOOK_SOURCE", "") or "urn:nld:opencasus")


def api_url(path: str) -> str:
    base = str(getattr(settings, "WEBHOOK_API_BASE_URL", "") or "https://opencasus.example.nl/api/v1")
    return base.rstrip("/") + "/" + path.lstrip("/")


def envelope(*, event_type: str, subject: str, resource_path: str, data: dict[str, Any],
             event_id: uuid.UUID | None = None, time: dt.datetime | None = None) -> dict[str, Any]:
    link = api_url(resource_path)
    return {
        "specversion": SPEC_VERSION,
        "id": str(event_id or uuid.uuid4()),
        "source": source(),
        "type": event_type,
        "time": (time or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "datacontenttype": CONTENT_TYPE,
        "dataref": link,
        "subject": subject,
        "data": {**data, "link": link},
    }


def encode(event: dict[str, Any]) -> str:
    return json.dumps(event, sort_keys=True, separators=(",", ":"))
