"""Signed requests between installations: HMAC-SHA256 of `<timestamp>.<body>` under the pair's secret."""

from __future__ import annotations

import hashlib
import hmac
import time

MAX_SKEW_SECONDS = 300
PEER_HEADER = "X-OpenCasus-Peer"
TIMESTAMP_HEADER = "X-OpenCasus-Timestamp"
SIGNATURE_HEADER = "X-OpenCasus-Signature"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def signed_headers(*, own_name: str, secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    timestamp = str(int(time.time() if now is None else now))
    return {PEER_HEADER: own_name, TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(secret, timestamp, body)}


def is_valid(*, secret: str, timestamp: str, given: str, body: bytes, now: float | None = None) -> bool:
    if not timestamp.isdigit() or abs((time.time() if now is None else now) - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), given)
