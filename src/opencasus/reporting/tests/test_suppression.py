"""The secondary suppression added to the shared helper, as reporting uses it."""

from opencasus.core.aggregates import suppress_complementary


def test_one_small_part_takes_the_smallest_other_part_with_it() -> None:
    result = suppress_complementary({"a": 12, "b": 3, "c": 0, "d": 7}, threshold=5)
    assert result["b"].suppressed
    assert not result["b"].secondary
    assert result["d"].suppressed
    assert result["d"].secondary
    assert str(result["d"]) == "onderdrukt"
    assert result["a"].value == 12
    assert result["c"].value == 0


def test_two_small_parts_need_nothing_more() -> None:
    result = suppress_complementary({"a": 12, "b": 3, "c": 2}, threshold=5)
    assert result["a"].value == 12
    assert result["b"].suppressed
    assert result["c"].suppressed


def test_nothing_small_nothing_suppressed() -> None:
    result = suppress_complementary({"a": 12, "b": 5, "c": 0}, threshold=5)
    assert [c.value for c in result.values()] == [12, 5, 0]
