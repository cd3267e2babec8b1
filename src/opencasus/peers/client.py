"""Asking one peer installation (a signed POST with the pseudonyms; short timeouts: a slow peer is no answer)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from opencasus.peers import signing
from opencasus.peers.config import Peer, installation_name

TIMEOUT_SECONDS = 3.0
PATH = "/api/v1/peer-hit-checks"


class PeerUnavailableError(Exception):
    """The peer did not answer (down, slow, refused or answered nonsense); the message says why, in short."""


def ask(peer: Peer, *, bsn: list[str], name_dob: list[str], timeout: float = TIMEOUT_SECONDS) -> list[dict[str, Any]]:
    body = json.dumps({"bsnPseudonyms": bsn, "nameDobPseudonyms": name_dob}).encode()
    if not peer.url.startswith(("http://", "https://")):
        raise PeerUnavailableError("not an http(s) address")
    request = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
        peer.url + PATH, data=body, method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json",
                 **signing.signed_headers(own_name=installation_name(), secret=peer.secret, body=body)})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            data = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise PeerUnavailableError(f"HTTP {exc.code}") from exc
    except (OSError, ValueError) as exc:  # refused, timed out, reset, not JSON
        raise PeerUnavailableError(type(exc).__name__) from exc
    hits = data.get("hits") if isinstance(data, dict) else None
    if not isinstance(hits, list):
        raise PeerUnavailableError("no hits in the answer")
    return [{"houseName": str(h.get("houseName", ""))[:200], "where": str(h.get("where", ""))[:20],
             "contact": {"email": str((h.get("contact") or {}).get("email", ""))[:254],
                         "names": [str(n)[:150] for n in (h.get("contact") or {}).get("names", [])][:10]}}
            for h in hits[:50] if isinstance(h, dict)]
