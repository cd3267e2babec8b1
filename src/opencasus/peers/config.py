"""The peer installations this installation knows (settings `OPENCASUS_PEERS`, from the environment as JSON):

    OPENCASUS_INSTALLATION_NAME=zvh-fryslan
    OPENCASUS_PEERS='[{"name": "zvh-flevoland", "url": "https://zvh-flevoland.example.nl", "secret": "..."}]'
    OPENCASUS_PEER_PSEUDONYM_KEY=<the key all installations share, 32+ characters>

`secret` is the pair's own: this installation signs its questions to that peer with it, and checks that peer's
questions with it (HMAC-SHA256 over the timestamp and the body). The peer is configured the same way with this
installation's name. Without a pseudonym key or peers, nothing is asked and nothing is answered."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Peer:
    name: str
    url: str
    secret: str
    per_minute: int = 60  # questions this installation answers from the peer per minute


def installation_name() -> str:
    return str(getattr(settings, "OPENCASUS_INSTALLATION_NAME", "") or "")


def pseudonym_key() -> bytes:
    return str(getattr(settings, "OPENCASUS_PEER_PSEUDONYM_KEY", "") or "").encode()


def peers() -> list[Peer]:
    if not pseudonym_key() or not installation_name():
        return []
    return [Peer(name=str(p["name"]), url=str(p["url"]).rstrip("/"), secret=str(p["secret"]),
                 per_minute=int(p.get("perMinute", 60))) for p in getattr(settings, "OPENCASUS_PEERS", [])]


def peer_named(name: str) -> Peer | None:
    return next((p for p in peers() if p.name == name), None)
