import datetime as dt
import random

import pytest

from opencasus.core.identifiers import bsn_is_valid
from opencasus.scale.plan import PERSONS_PER_CASE, SUBJECT_TYPES, NamePool, Sizes, Weighted, filed_moment, valid_bsn


def test_sizes_at_full_scale_are_the_national_set() -> None:
    sizes = Sizes.at(1.0)
    assert (sizes.cases, sizes.persons, sizes.agreements, sizes.log_records) == (
        1_000_000, 2_000_000, 5_000_000, 20_000_000)
    assert sizes.professionals == 10_000
    assert sizes.organisations_per_house * 25 == 400


def test_sizes_keep_a_usable_minimum() -> None:
    sizes = Sizes.at(0.00001)
    assert sizes.cases == 100
    assert sizes.professionals == 600
    with pytest.raises(ValueError):
        Sizes.at(0)


def test_weighted_draws_follow_the_weights() -> None:
    rng = random.Random(1)
    w = Weighted({"a": 3, "b": 1})
    draws = [w.draw(rng) for _ in range(4000)]
    assert 0.70 < draws.count("a") / 4000 < 0.80
    assert Weighted({1: 1, 3: 1}).mean() == 2


def test_about_two_persons_per_case() -> None:
    expected = sum(PERSONS_PER_CASE[t].mean() * share for t, share in
                   zip(SUBJECT_TYPES.values, (0.75, 0.20, 0.05), strict=True))
    assert 1.9 < expected < 2.2


def test_generated_bsns_pass_the_eleven_test() -> None:
    rng = random.Random(3)
    assert all(bsn_is_valid(valid_bsn(rng)) for _ in range(200))


def test_common_names_repeat() -> None:
    rng = random.Random(5)
    pool = NamePool()
    names = [pool.draw(rng) for _ in range(2000)]
    assert len(set(names)) < len(names)


def test_filing_moments_stay_in_the_period_and_grow() -> None:
    rng = random.Random(9)
    start, end = dt.datetime(2016, 1, 1, tzinfo=dt.UTC), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    moments = [filed_moment(rng, start, end) for _ in range(5000)]
    assert all(start <= m <= end for m in moments)
    first_half = sum(m < start + (end - start) / 2 for m in moments)
    assert first_half < 2500
