"""Standard Webhooks signatures (https://www.standardwebhooks.com/).

Headers: `webhook-id` (the event id), `webhook-timestamp` (Unix seconds) and
`webhook-signature: v1,<base64 HMAC-SHA256>` over `"{webhook-id}.{webhook-timestamp}.{body}"` with the
subscription's secret (`whsec_<base64>`; the key is the base64-decoded part).

To verify, a receiver recomputes the HMAC over the exact received body with the same id and timestamp,
compares it in constant time with each `v1,` value of the header, and rejects timestamps older than
five minutes (replay).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

PREFIX = "whsec_"
TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(PREFIX))


def sign(*, secret: str, msg_id: str, timestamp: int, body: str) -> str:
    digest = hmac.new(_key(secret), f"{msg_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(*, secret: str, msg_id: str, timestamp: int, body: str) -> dict[str, str]:
    return {
        "content-type": "application/cloudevents+json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret=secret, msg_id=msg_id, timestamp=timestamp, body=body),
    }


def verify(*, secret: str, msg_id: str, timestamp: int, body: str, signature_header: str, now: int) -> bool:
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = sign(secret=secret, msg_id=msg_id, timestamp=timestamp, body=body)
    return any(hmac.compare_digest(expected, part) for part in signature_header.split())
