from typing import Any

import pytest

from opencasus.core.aggregates import safe_ratio, suppress, suppress_mapping


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, None), (4, None), (5, 5), (120, 120)])
def test_small_counts_are_suppressed(count: Any, shown: Any) -> None:
    assert suppress(count).value == shown


def test_threshold_is_configurable_and_label_hides_the_value() -> None:
    assert suppress(7, threshold=10).suppressed
    assert str(suppress(3)) == "< 5"
    assert suppress_mapping({"a": 2, "b": 9}) == {"a": suppress(2), "b": suppress(9)}


def test_ratios_over_small_groups_are_withheld() -> None:
    assert safe_ratio(3, 40) is None  # the numerator is a small group
    assert safe_ratio(38, 40) is None  # so is the complement
    assert safe_ratio(20, 40) == 0.5
    assert safe_ratio(2, 3) is None
