"""The one helper that keeps aggregates from exposing individuals.

Every report, dashboard, export and API that shows counts passes them through `suppress`. A count
below the house's threshold (default 5) is shown as suppressed, never as its value; zero stays zero
(nothing to hide). Derived figures (percentages, medians) over a suppressed group are suppressed too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

DEFAULT_THRESHOLD = 5
SUPPRESSED_LABEL = _("< %(threshold)s")
SECONDARY_LABEL = _("suppressed")


@dataclass(frozen=True)
class Count:
    """A count as it may be shown: `value` is None when suppressed."""

    value: int | None
    threshold: int
    # Suppressed although not small, so that a published total cannot give a small one back.
    secondary: bool = False

    @property
    def suppressed(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        if self.value is None and self.secondary:
            return str(SECONDARY_LABEL)
        if self.value is None:
            return str(SUPPRESSED_LABEL % {"threshold": self.threshold})
        return str(self.value)

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "suppressed": self.value is None}


def suppress(count: int, *, threshold: int = DEFAULT_THRESHOLD) -> Count:
    if count < 0:
        raise ValueError("a count cannot be negative")
    if 0 < count < threshold:
        return Count(None, threshold)
    return Count(count, threshold)


def suppress_mapping(counts: Mapping[Any, int], *, threshold: int = DEFAULT_THRESHOLD) -> dict[Any, Count]:
    return {key: suppress(value, threshold=threshold) for key, value in counts.items()}


def suppress_complementary(counts: Mapping[Any, int], *, threshold: int = DEFAULT_THRESHOLD) -> dict[Any, Count]:
    """`suppress_mapping` for the parts of a published total (secondary suppression).

    When exactly one part is suppressed, the total minus the others would give it back: the smallest
    other non-zero part is suppressed as well.
    """
    result = suppress_mapping(counts, threshold=threshold)
    if sum(1 for c in result.values() if c.suppressed) == 1:
        shown = [(value, key) for key, value in counts.items() if value > 0 and not result[key].suppressed]
        if shown:
            _value, key = min(shown, key=lambda item: item[0])
            result[key] = Count(None, threshold, secondary=True)
    return result


def safe_ratio(numerator: int, denominator: int, *, threshold: int = DEFAULT_THRESHOLD) -> float | None:
    """A share that is only given when the group it describes is not small."""
    if denominator < threshold or (0 < numerator < threshold) or (0 < denominator - numerator < threshold):
        return None
    return numerator / denominator if denominator else None
