"""Small statistics without external libraries: percentiles, calendar months, the Poisson test."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation between closest ranks.

    The same definition as numpy's default ("linear") and PostgreSQL's percentile_cont.
    """
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    lower = math.floor(position)
    upper = math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _log_pmf(k: int, mean: float) -> float:
    return -mean + k * math.log(mean) - math.lgamma(k + 1)


def poisson_pmf(k: int, mean: float) -> float:
    if k < 0:
        return 0.0
    if mean == 0:
        return 1.0 if k == 0 else 0.0
    return math.exp(_log_pmf(k, mean))


def _sum_terms(start: int, stop: int | None, mean: float, step: int) -> float:
    """Sum pmf(k) from `start` in direction `step` (to `stop` inclusive, or until negligible)."""
    total = 0.0
    k = start
    while True:
        term = poisson_pmf(k, mean)
        total += term
        if stop is not None and k == stop:
            break
        # Past the mode the terms only shrink: stop when they no longer change the sum.
        if stop is None and k > mean and term < total * 1e-17:
            break
        k += step
        if k < 0:
            break
    return total


def poisson_cdf(k: int, mean: float) -> float:
    """P(X <= k) for X ~ Poisson(mean)."""
    if k < 0:
        return 0.0
    if mean == 0:
        return 1.0
    if k <= mean:
        return min(1.0, _sum_terms(k, 0, mean, -1))
    return max(0.0, 1.0 - _sum_terms(k + 1, None, mean, 1))


def poisson_sf(k: int, mean: float) -> float:
    """P(X >= k) for X ~ Poisson(mean) (note: at least k, inclusive)."""
    if k <= 0:
        return 1.0
    if mean == 0:
        return 0.0
    if k > mean:
        return min(1.0, _sum_terms(k, None, mean, 1))
    return max(0.0, 1.0 - _sum_terms(k - 1, 0, mean, -1))


@dataclass(frozen=True)
class PoissonTest:
    observed: int
    expected: float
    p_value: float
    direction: str  # "up" | "down" | "none"

    def significant(self, alpha: float) -> bool:
        return self.p_value < alpha


def poisson_test(observed: int, expected: float) -> PoissonTest:
    """Two-sided exact Poisson test of one observed count against an expected mean.

    p = min(1, 2 * min(P(X <= observed), P(X >= observed))) with X ~ Poisson(expected):
    the "doubled smaller tail" definition.
    """
    if expected <= 0:
        raise ValueError("the expected mean must be positive")
    lower = poisson_cdf(observed, expected)
    upper = poisson_sf(observed, expected)
    p = min(1.0, 2 * min(lower, upper))
    direction = "up" if observed > expected else "down" if observed < expected else "none"
    return PoissonTest(observed, expected, p, direction)
