"""Which peer installation may ask this one (a signed request from a configured peer, within its rate), and
who sees the answers of the peers to this installation's questions (core staff of the case, as its hits)."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from opencasus.peers import signing
from opencasus.peers.config import Peer, peer_named


class RateLimitedError(Exception):
    pass


def asking_peer(*, name: str, timestamp: str, given: str, body: bytes) -> Peer:
    """The configured peer that signed this request; PermissionDenied for anything else, RateLimitedError past the
    peer's questions per minute."""
    peer = peer_named(name)
    if peer is None or not signing.is_valid(secret=peer.secret, timestamp=timestamp, given=given, body=body):
        raise PermissionDenied(_("This request is not signed by a known installation."))
    key = f"opencasus:peer-questions:{peer.name}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    if cache.incr(key) > peer.per_minute:
        raise RateLimitedError
    return peer
