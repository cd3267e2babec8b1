"""The BSN: validation (11-check), encryption at rest and a keyed hash for matching.

A BSN is never shown in URLs or logs. It is stored encrypted (Fernet, key derived from
OPENCASUS_FIELD_KEY) and matched through an HMAC-SHA256 of the normalised number.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalise_bsn(value: str) -> str:
    return "".join(ch for ch in str(value) if not ch.isspace() and ch not in ".-")


def bsn_is_valid(value: str) -> bool:
    """The elfproef: 9 digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, not 0."""
    digits = normalise_bsn(value)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def validate_bsn(value: str) -> None:
    if not bsn_is_valid(value):
        raise ValidationError(
            _("This is not a valid BSN: it must have 9 digits and pass the eleven-test."), code="invalid_bsn")


@lru_cache(maxsize=4)
def _keys(secret: str) -> tuple[bytes, bytes]:
    if not secret:
        raise RuntimeError("OPENCASUS_FIELD_KEY is not set")
    enc = hashlib.sha256(b"opencasus-encrypt:" + secret.encode()).digest()
    mac = hashlib.sha256(b"opencasus-match:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(enc), mac


def encrypt_identifier(value: str) -> str:
    enc_key, _ = _keys(settings.OPENCASUS_FIELD_KEY)
    return Fernet(enc_key).encrypt(value.encode()).decode()


def decrypt_identifier(token: str) -> str:
    enc_key, _ = _keys(settings.OPENCASUS_FIELD_KEY)
    return Fernet(enc_key).decrypt(token.encode()).decode()


def identifier_hash(value: str) -> str:
    """Keyed hash used to find the same BSN without storing or comparing it in the clear."""
    digits = normalise_bsn(value)
    if len(digits) == 8:
        digits = "0" + digits
    _, mac_key = _keys(settings.OPENCASUS_FIELD_KEY)
    return hmac.new(mac_key, digits.encode(), hashlib.sha256).hexdigest()


def mask_bsn(value: str) -> str:
    digits = normalise_bsn(value)
    return "*****" + digits[-4:] if len(digits) >= 4 else "****"
