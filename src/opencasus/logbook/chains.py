"""Which hash chains belong to which house, and which chain an append takes.

Each house has up to `OPENCASUS_LOG_CHAINS_PER_HOUSE` chains ("stripes"). An append locks the head
of one chain while it adds its records; with a single chain per house, every request of a busy
house waited for that one lock in turn. An append therefore takes the first chain of its house
that no other transaction holds (`SELECT … FOR UPDATE SKIP LOCKED`), opens a new one while the
house has fewer than the limit, and only when all are busy waits for one of them.

Chain numbers: stripe 0 of house H is chain H (so a quiet installation has exactly one chain per
house, as before); stripe s is chain `s * STRIPE_BASE + H`. Chain 0 is for work outside a house.
Every chain is verified on its own; together the chains of a house hold every record of it.
"""

from __future__ import annotations

import threading

from django.conf import settings
from django.db import connection, transaction

from opencasus.logbook.models import ChainHead

STRIPE_BASE = 10**9
MAX_STRIPES = 64  # the most chains a house can ever have (lookups cover all of them)


def stripes_per_house() -> int:
    return max(1, min(MAX_STRIPES, int(getattr(settings, "OPENCASUS_LOG_CHAINS_PER_HOUSE", 16))))


def chain_of(house_key: int, stripe: int) -> int:
    return stripe * STRIPE_BASE + house_key


def house_of_chain(chain: int) -> int | None:
    """The house a chain belongs to (None for chain 0 and its stripes: work outside a house)."""
    return chain % STRIPE_BASE or None


def candidate_chains(house_key: int) -> list[int]:
    """Every chain number house `house_key` may have (for queries: `chain__in`)."""
    return [chain_of(house_key, stripe) for stripe in range(MAX_STRIPES)]


def house_chains(house_key: int) -> list[int]:
    """The chains the house has (those with a head), stripe 0 always included."""
    existing = set(ChainHead.objects.filter(chain__in=candidate_chains(house_key)).values_list("chain", flat=True))
    return sorted(existing | {house_key})


def lock_head_for_append(house_key: int) -> ChainHead:
    """Lock and return the head of the chain this transaction appends to. Call inside a transaction."""
    assert transaction.get_connection().in_atomic_block
    allowed = [chain_of(house_key, stripe) for stripe in range(stripes_per_house())]
    free = _first_free_head(allowed)
    if free is not None:
        return free
    existing = set(ChainHead.objects.filter(chain__in=allowed).values_list("chain", flat=True))
    unopened = [chain for chain in allowed if chain not in existing]
    if unopened:  # open the next stripe; if another transaction opened it first, wait for it
        ChainHead.objects.get_or_create(chain=unopened[0])
        return ChainHead.objects.select_for_update().get(chain=unopened[0])
    # Every stripe is busy: wait for one, spreading the waiting threads over the stripes.
    chain = allowed[threading.get_ident() % len(allowed)]
    return ChainHead.objects.select_for_update().get(chain=chain)


def _first_free_head(allowed: list[int]) -> ChainHead | None:
    """The lowest of `allowed` chains no other transaction holds, locked (every logged request asks this:
    one plain statement rather than a compiled queryset)."""
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    lock = " FOR UPDATE SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
    placeholders = ", ".join(["%s"] * len(allowed))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT chain, last_sequence, last_hash FROM {table} WHERE chain IN ({placeholders}) "  # noqa: S608
                       f"ORDER BY chain LIMIT 1{lock}", allowed)
        row = cursor.fetchone()
    if row is None:
        return None
    head = ChainHead(chain=row[0], last_sequence=row[1], last_hash=row[2])
    head._state.adding, head._state.db = False, connection.alias
    return head


def advance_head(head: ChainHead, *, sequence: int, last_hash: str) -> None:
    """Store the new last link of a locked chain (one plain UPDATE)."""
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last_sequence = %s, last_hash = %s WHERE chain = %s",  # noqa: S608
                       [sequence, last_hash, head.chain])
    head.last_sequence, head.last_hash = sequence, last_hash
