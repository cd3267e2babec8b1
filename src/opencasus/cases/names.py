"""Name normalisation for the fuzzy hit check.

Tolerant of diacritics (Özdemir = Ozdemir), case, punctuation, Dutch particles (van, de, der,
…), a few common spelling variants (ij/y, ph/f, ck/k, dt/t, z/s at the end, double letters) and
swapped first and last names (tokens are sorted).
"""

from __future__ import annotations

import re
import unicodedata

PARTICLES = frozenset({"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "la", "le", "du", "da",
                       "el", "al", "von", "zu", "d", "t", "s"})
VARIANTS = [("ij", "y"), ("ph", "f"), ("ck", "k"), ("dt", "t"), ("th", "t"), ("ch", "g"), ("c", "k"),
            ("ei", "y"), ("ou", "au"), ("z", "s"), ("w", "v")]


def _strip_diacritics(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _canonical_token(token: str) -> str:
    for old, new in VARIANTS:
        token = token.replace(old, new)
    token = re.sub(r"(.)\1+", r"\1", token)  # double letters
    return token


def name_key(first_name: str, last_name: str) -> str:
    text = _strip_diacritics(f"{first_name} {last_name}").lower()
    tokens = [t for t in re.split(r"[^a-z]+", text) if t and t not in PARTICLES]
    return " ".join(sorted(_canonical_token(t) for t in tokens))
