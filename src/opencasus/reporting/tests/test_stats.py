import datetime as dt
import math
from fractions import Fraction

import pytest

from opencasus.reporting.stats import (
    add_months,
    percentile,
    poisson_cdf,
    poisson_sf,
    poisson_test,
)


def exact_cdf(k: int, mean: Fraction, terms: int = 400) -> float:
    """An independent high-precision reference: e^-λ Σ λ^i / i!, with e^-λ from a long series."""
    exp_neg = sum((-mean) ** i / math.factorial(i) for i in range(terms))
    return float(exp_neg * sum(mean ** i / math.factorial(i) for i in range(k + 1)))


def test_poisson_known_values() -> None:
    # P(X <= 2 | λ = 5) = e^-5 (1 + 5 + 12.5)
    assert poisson_cdf(2, 5) == pytest.approx(18.5 * math.exp(-5), rel=1e-12)
    assert poisson_cdf(2, 5) == pytest.approx(0.12465201948308113, rel=1e-12)
    # Table values: P(X <= 5 | λ = 10) = 0.0670859629, P(X >= 10 | λ = 5) = 0.0318280573
    assert poisson_cdf(5, 10) == pytest.approx(0.06708596287903189, rel=1e-10)
    assert poisson_sf(10, 5) == pytest.approx(0.03182805730620481, rel=1e-10)
    assert poisson_cdf(0, 3) == pytest.approx(math.exp(-3))
    assert poisson_sf(1, 3) == pytest.approx(1 - math.exp(-3))
    assert poisson_sf(0, 3) == 1.0


@pytest.mark.parametrize(("k", "mean"), [(0, Fraction(1, 2)), (3, Fraction(7, 2)), (12, Fraction(6)),
                                         (25, Fraction(40)), (60, Fraction(40))])
def test_poisson_against_exact_reference(k: int, mean: Fraction) -> None:
    assert poisson_cdf(k, float(mean)) == pytest.approx(exact_cdf(k, mean), rel=1e-9)
    assert poisson_sf(k + 1, float(mean)) == pytest.approx(1 - exact_cdf(k, mean), rel=1e-7, abs=1e-15)


def test_poisson_tails_are_complementary_and_far_tail_is_small() -> None:
    for mean in (0.3, 4.0, 17.5, 250.0):
        for k in range(40):
            assert poisson_cdf(k, mean) + poisson_sf(k + 1, mean) == pytest.approx(1.0, abs=1e-12)
    assert 0 < poisson_sf(60, 10) < 1e-20


def test_two_sided_test() -> None:
    result = poisson_test(10, 5)
    assert result.p_value == pytest.approx(2 * 0.03182805730620481, rel=1e-9)
    assert result.direction == "up"
    assert not result.significant(0.01)
    high = poisson_test(20, 5)
    assert high.significant(0.01)
    assert high.direction == "up"
    low = poisson_test(0, 10)
    assert low.p_value == pytest.approx(2 * math.exp(-10))
    assert low.direction == "down"
    assert poisson_test(5, 5).p_value == 1.0
    with pytest.raises(ValueError):
        poisson_test(1, 0)


def test_percentile_matches_linear_interpolation() -> None:
    assert percentile([], 50) is None
    assert percentile([4], 90) == 4
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(1, 11)), 90) == pytest.approx(9.1)


def test_add_months_clamps() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 3, 15), -6) == dt.date(2023, 9, 15)
    assert add_months(dt.date(2024, 12, 1), 12) == dt.date(2025, 12, 1)
