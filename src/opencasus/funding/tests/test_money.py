from __future__ import annotations

from decimal import Decimal

import pytest

from opencasus.funding.money import cents_of_euros, format_euros, hours_value, per_unit, split_cents


def test_the_split_is_exact_to_the_cent_and_hands_the_remainder_to_the_largest_fractions() -> None:
    # 100 cents over three equal weights: 33.33… each, one cent left over, to the first in order.
    assert split_cents(100, {"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)}, {"a": 1, "b": 2, "c": 3}) == {
        "a": 34, "b": 33, "c": 33}
    # 10 cents by 0.15/0.25/0.6: 1.5, 2.5, 6 → floors 1, 2, 6, the cent left over goes to a tie: the first.
    assert split_cents(10, {"x": Decimal("0.15"), "y": Decimal("0.25"), "z": Decimal("0.6")},
                       {"x": 1, "y": 2, "z": 3}) == {"x": 2, "y": 2, "z": 6}
    # The largest remainder wins over the order.
    assert split_cents(10, {"x": Decimal("0.14"), "y": Decimal("0.26"), "z": Decimal("0.6")},
                       {"x": 1, "y": 2, "z": 3}) == {"x": 1, "y": 3, "z": 6}


def test_the_order_of_the_mapping_does_not_change_the_split() -> None:
    weights = {"a": Decimal("33.3333"), "b": Decimal("33.3333"), "c": Decimal("33.3334")}
    order = {"a": 1, "b": 2, "c": 3}
    reverse = dict(reversed(list(weights.items())))
    assert split_cents(770_000_000, weights, order) == split_cents(770_000_000, reverse, order)
    assert sum(split_cents(770_000_000, weights, order).values()) == 770_000_000


def test_no_weights_and_a_negative_total() -> None:
    assert split_cents(100, {}) == {}
    assert split_cents(100, {"a": Decimal(0)}) == {"a": 0}
    with pytest.raises(ValueError):
        split_cents(-1, {"a": Decimal(1)})


def test_amounts_in_euros_and_their_notation() -> None:
    assert cents_of_euros(Decimal("7700000.00")) == 770_000_000
    assert cents_of_euros(Decimal("0.005")) == 1
    assert format_euros(770_000_000) == "€ 7.700.000,00"
    assert format_euros(5) == "€ 0,05"
    assert format_euros(None) == "\u2013"
    assert hours_value(Decimal("800.5"), 7_000) == 5_603_500
    assert per_unit(1000, 3) == 333
    assert per_unit(1000, 0) is None
