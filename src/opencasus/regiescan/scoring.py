"""Scores of the regie scan. An answer v on a scale of 1..N counts as (v - 1) / (N - 1) of the theme's
maximum; a theme's score is the weighted mean over its answered questions, as a percentage (0-100).

The region's average per theme is the mean of the scores of the municipalities of the house's region that
submitted a scan that year, over every house of the region, matched on the theme's key. It is shown only when
at least as many municipalities answered as the small-count threshold (`core.aggregates.suppress`, the
largest threshold of the region's houses and never below five); otherwise it is suppressed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from opencasus.core.aggregates import DEFAULT_THRESHOLD, Count, suppress
from opencasus.network.models import House
from opencasus.regiescan.models import Answer, ScanStatus, Submission

# (submission id, municipality id, scale, theme key, weight, value)
AnswerRow = tuple[int, int, int, str, int, int]


def fraction(value: int, scale: int) -> float:
    return (value - 1) / (scale - 1) if scale > 1 else 0.0


def theme_scores(rows: Iterable[AnswerRow]) -> dict[int, dict[str, float]]:
    """Per submission: theme key -> score (percentage, one decimal)."""
    totals: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for submission_id, _municipality, scale, key, weight, value in rows:
        cell = totals[submission_id][key]
        cell[0] += weight * fraction(value, scale)
        cell[1] += weight
    return {sid: {key: round(100 * num / den, 1) for key, (num, den) in themes.items() if den}
            for sid, themes in totals.items()}


def answer_rows(submission_ids: Iterable[int]) -> list[AnswerRow]:
    return list(Answer.objects.filter(submission_id__in=list(submission_ids)).values_list(
        "submission_id", "submission__municipality_id", "submission__scale_points", "question__theme__key",
        "question__weight", "value"))


@dataclass(frozen=True)
class RegionAverage:
    municipalities: Count  # how many municipalities answered the theme (suppressed when few)
    average: float | None  # None while suppressed

    @property
    def suppressed(self) -> bool:
        return self.average is None


def region_threshold(region_id: int) -> int:
    values = House.objects.filter(region_id=region_id).values_list("small_count_threshold", flat=True)
    return max([DEFAULT_THRESHOLD, *values])


def region_averages(*, region_id: int, year: int) -> tuple[int, dict[str, RegionAverage]]:
    """The threshold and, per theme key, the region's average over the municipalities that submitted."""
    threshold = region_threshold(region_id)
    submissions = dict(Submission.objects.filter(house__region_id=region_id, year=year,
                                                 status=ScanStatus.SUBMITTED).values_list("pk", "municipality_id"))
    scores = theme_scores(answer_rows(submissions))
    # A municipality that submitted in two houses of the region counts once, with the mean of both.
    per_municipality: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for submission_id, themes in scores.items():
        for key, score in themes.items():
            per_municipality[key][submissions[submission_id]].append(score)
    result = {}
    for key, municipalities in per_municipality.items():
        count = suppress(len(municipalities), threshold=threshold)
        means = [sum(v) / len(v) for v in municipalities.values()]
        result[key] = RegionAverage(count, None if count.suppressed else round(sum(means) / len(means), 1))
    return threshold, result
