"""Money in whole cents and the largest-remainder split, exact to the cent. No floats anywhere."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

# The largest amount of money the register takes: one thousand million euro, in cents.
MAX_CENTS = 100_000_000_000


def split_cents(total: int, weights: Mapping[K, Decimal], order: Mapping[K, int] | None = None) -> dict[K, int]:
    """`total` cents over the keys in proportion to their weights, summing exactly to `total`.

    Largest-remainder (Hamilton) method: every key gets the whole cents of its exact share (rounded down), and
    the cents left over go one each to the keys with the largest fractional remainders; equal remainders go to
    the key that comes first in `order` (the region's or house's number), so the result does not depend on the
    order of the mapping. Computed with exact fractions."""
    if total < 0:
        raise ValueError("a total cannot be negative")
    weight_sum = sum((Fraction(w) for w in weights.values()), Fraction(0))
    if not weights or weight_sum <= 0:
        return dict.fromkeys(weights, 0)
    exact = {k: Fraction(total) * Fraction(w) / weight_sum for k, w in weights.items()}
    result = {k: int(v) for k, v in exact.items()}  # floor: every share is non-negative
    left = total - sum(result.values())
    rank = order or {}
    keys = list(weights)
    by_remainder = sorted(keys, key=lambda k: (-(exact[k] - result[k]), rank.get(k, 0), keys.index(k)))
    for k in by_remainder[:left]:
        result[k] += 1
    return result


def cents_of_euros(euros: Decimal) -> int:
    """An amount in euros (at most two decimals) in cents."""
    return int((euros * 100).to_integral_value(rounding=ROUND_HALF_UP))


def euros_of_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def format_euros(cents: int | None) -> str:
    """"€ 7.700.000,00" (Dutch notation); "\u2013" for an amount that is not known or withheld."""
    if cents is None:
        return "\u2013"
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{part:02d}"


def hours_value(hours: Decimal, rate_cents: int) -> int:
    """Staff hours valued at an hourly rate, rounded half up to the cent."""
    return int((hours * rate_cents).to_integral_value(rounding=ROUND_HALF_UP))


def per_unit(cents: int, count: int) -> int | None:
    """Cents per unit, rounded half up; None for no units."""
    if count <= 0:
        return None
    return int((Decimal(cents) / count).to_integral_value(rounding=ROUND_HALF_UP))
