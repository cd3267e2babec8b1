"""A marker for an argument left out of a partial update (None is a value: "clear this")."""

from __future__ import annotations

import enum
from typing import Final, TypeVar

T = TypeVar("T")


class Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET


def given(value: T | Unset, default: T) -> T:
    """`value`, or `default` where it was left out."""
    return default if value is UNSET else value
