"""Keyed pseudonyms under the key the installations share: of the BSN, or of the normalised name with the date
of birth. A peer can match them against its own persons; nobody without the key can reverse or test them."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from opencasus.core.identifiers import normalise_bsn
from opencasus.peers.config import pseudonym_key


def _mac(text: str) -> str:
    return hmac.new(pseudonym_key(), text.encode(), hashlib.sha256).hexdigest()


def bsn_pseudonym(bsn: str) -> str:
    return _mac("bsn:" + normalise_bsn(bsn))


def name_dob_pseudonym(name_key: str, date_of_birth: dt.date) -> str:
    return _mac(f"name-dob:{name_key}|{date_of_birth.isoformat()}")
