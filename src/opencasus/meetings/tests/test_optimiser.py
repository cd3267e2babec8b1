from __future__ import annotations

import random
import time

from opencasus.meetings import optimiser
from opencasus.meetings.optimiser import Item, evaluate, optimise, target_group_order


def generated_meeting(cases: int = 12, organisations: int = 8, seed: int = 4) -> list[Item]:
    """A meeting of `cases` cases, each needing 2-4 of `organisations` organisations, in three target groups."""
    rng = random.Random(seed)
    groups = ["Huiselijk geweld", "Jeugd", "Veelplegers"]
    return [Item(key=i, minutes=rng.choice([15, 20, 25, 30]),
                 attendees=frozenset(rng.sample(range(organisations), rng.randint(2, 4))),
                 group=rng.choice(groups), sort_key=f"VH-{i:03d}") for i in range(cases)]


def test_evaluate_attendance_spans_blocks_and_short_waits() -> None:
    a, b, c = (Item("a", 20, frozenset({"p"})), Item("b", 20, frozenset({"q"})), Item("c", 20, frozenset({"p"})))
    # p: a at 0-20, waits 20 minutes (< 30) for b, then c at 40-60: one block of 60 minutes.
    result = evaluate([a, b, c])
    assert result.per_attendee["p"].minutes == 60
    assert result.per_attendee["p"].blocks == ((0, 60),)
    assert result.per_attendee["q"].minutes == 20
    assert result.total_minutes == 80
    assert result.total_blocks == 2
    # With a 40-minute gap p leaves and comes back: two blocks of 20 minutes.
    d = Item("d", 40, frozenset({"q"}))
    result = evaluate([a, d, c])
    assert result.per_attendee["p"].blocks == ((0, 20), (60, 80))
    assert result.per_attendee["p"].minutes == 40


def test_offsets_are_cumulative() -> None:
    items = [Item(i, m, frozenset()) for i, m in enumerate([10, 25, 5])]
    assert optimiser.offsets(items) == [0, 10, 35]


def test_target_group_order_sorts_by_group_then_reference() -> None:
    items = [Item(1, 10, frozenset(), "B", "x2"), Item(2, 10, frozenset(), "A", "x9"),
             Item(3, 10, frozenset(), "B", "x1")]
    assert [i.key for i in target_group_order(items)] == [2, 3, 1]


def test_clusters_items_of_the_same_partner() -> None:
    p, q = frozenset({"p"}), frozenset({"q"})
    items = [Item(1, 20, p, "A", "1"), Item(2, 20, q, "A", "2"), Item(3, 20, p, "B", "3"),
             Item(4, 20, q, "B", "4")]
    best = optimise(items)
    assert evaluate(best).total_minutes == 80  # each partner exactly their own 40 minutes
    assert evaluate(target_group_order(items)).total_minutes == 120


def test_small_inputs() -> None:
    assert optimise([]) == []
    one = [Item(1, 20, frozenset({"p"}))]
    assert optimise(one) == one


def test_deterministic_and_a_permutation() -> None:
    items = generated_meeting()
    first, second = optimise(items), optimise(items)
    assert [i.key for i in first] == [i.key for i in second]
    assert len(first) == 12
    assert {i.key for i in first} == set(range(12))


def test_never_worse_than_the_given_order_or_the_target_group_order() -> None:
    for seed in range(5):
        items = generated_meeting(seed=seed)
        best = evaluate(optimise(items)).cost
        assert best <= evaluate(target_group_order(items)).cost
        assert best <= evaluate(items).cost


def test_generated_meeting_12_cases_8_organisations_reduces_attendance() -> None:
    items = generated_meeting(12, 8)
    started = time.perf_counter()
    best = optimise(items)
    elapsed = time.perf_counter() - started
    baseline = evaluate(target_group_order(items))
    optimised = evaluate(best)
    print(f"\n12 cases x 8 organisations: total attendance ordered by target group {baseline.total_minutes} min "
          f"({baseline.total_blocks} blocks); optimised {optimised.total_minutes} min ({optimised.total_blocks} "
          f"blocks); saving {baseline.total_minutes - optimised.total_minutes} min; optimiser ran {elapsed:.3f} s")
    assert optimised.total_minutes <= baseline.total_minutes
    assert optimised.total_minutes < baseline.total_minutes  # strictly less on this generated instance


def _evaluation(total: int) -> optimiser.Evaluation:
    return optimiser.Evaluation(total_minutes=total, total_blocks=1)


def test_the_optimise_message_counts_against_the_order_before() -> None:
    from django.utils import translation

    from opencasus.meetings.views import comparison_text, difference_text, optimise_message

    with translation.override("nl"):
        # 200 -> 180 while the target-group ordering also takes 180: 20 minutes saved, not 0.
        improved = optimiser.Comparison(_evaluation(180), _evaluation(180), before=_evaluation(200))
        assert improved.improvement_minutes == 20
        assert optimise_message(improved) == ("De agenda is geordend op benodigde partners: de aanwezigheid ging "
                                              "van 200 naar 180 minuten, 20 minuten bespaard.")
        unchanged = optimiser.Comparison(_evaluation(180), _evaluation(180), before=_evaluation(180))
        assert optimise_message(unchanged) == (
            "De agenda stond al in de beste gevonden volgorde: 180 minuten aanwezigheid.")
        # An order that costs time against the target-group ordering says so, never "besparing: -20".
        worse = optimiser.Comparison(_evaluation(200), _evaluation(180))
        assert worse.saving_minutes == -20
        text = comparison_text(worse)
        assert "-20" not in text
        assert "20 minuten meer" in text
        assert difference_text(-20) == "20 min. meer"
        assert difference_text(15) == "15 min. minder"
