"""Writes of transfers between houses and of co-direction. Each service is atomic and records its processing in
the logs of both houses in the same transaction."""

from opencasus.transfers.services.co_directors import co_director_add, co_director_end, co_participant_add
from opencasus.transfers.services.transfers import (
    information_item_mark_transferable,
    transfer_accept,
    transfer_decline,
    transfer_propose,
)

__all__ = [
    "co_director_add", "co_director_end", "co_participant_add", "information_item_mark_transferable",
    "transfer_accept", "transfer_decline", "transfer_propose",
]
