import pytest

from opencasus.core.identifiers import (
    bsn_is_valid,
    decrypt_identifier,
    encrypt_identifier,
    identifier_hash,
    mask_bsn,
)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019"])
def test_valid_bsns(bsn: str) -> None:
    assert bsn_is_valid(bsn)


@pytest.mark.parametrize("bsn", ["123456789", "111222334", "000000000", "12345678a", "1234", ""])
def test_invalid_bsns(bsn: str) -> None:
    assert not bsn_is_valid(bsn)


def test_encryption_round_trip_and_keyed_hash() -> None:
    token = encrypt_identifier("111222333")
    assert "111222333" not in token
    assert decrypt_identifier(token) == "111222333"
    assert identifier_hash("111 222 333") == identifier_hash("111222333")
    assert identifier_hash("111222333") != identifier_hash("123456782")
    assert mask_bsn("111222333") == "*****2333"
