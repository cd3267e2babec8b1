"""Which approaches (Top X, Kindspoor, after-care, group approach, crisis lane) a house runs.

The one question every approach asks before it shows or accepts anything: `approach_enabled`. House
configuration, not personal data: no processing-log record."""

from __future__ import annotations

from opencasus.network.models import Approach, HouseApproach


def approach_enabled(*, house_id: int, approach: Approach) -> bool:
    return HouseApproach.objects.filter(house_id=house_id, approach=approach, enabled=True).exists()


def enabled_approaches(*, house_id: int) -> frozenset[Approach]:
    codes = HouseApproach.objects.filter(house_id=house_id, enabled=True).values_list("approach", flat=True)
    return frozenset(Approach(code) for code in codes)


def houses_running(*, approach: Approach, house_ids: list[int] | set[int] | frozenset[int]) -> set[int]:
    """Of `house_ids`, those that run `approach`."""
    return set(HouseApproach.objects.filter(house_id__in=house_ids, approach=approach, enabled=True)
               .values_list("house_id", flat=True))
