"""Agenda planning that clusters case discussions by the partners they need (pure functions).

The house's process direction wants each invited professional at the table only while they are
needed (002 §5.5: "clusteren op basis van welke partners noodzakelijk zijn"). This module orders
agenda items so that every attendee's presence is as short and as unbroken as possible.

Definitions
-----------
- An agenda item has a duration in minutes and a set of attendees (named professionals, or an
  organisation when no professional is named). Items follow each other without pauses; the start
  offset of an item is the sum of the durations of the items before it.
- An attendee's *blocks*: walk their items in agenda order; the next item joins the current block
  when the idle time since the end of the previous item is shorter than ``LEAVE_AFTER_MINUTES``;
  otherwise the attendee leaves and comes back, and a new block starts. (Leaving for less than
  that is not worth it, so they wait at the table.)
- An attendee's *attendance time* is the sum over their blocks of (end of the last item in the
  block - start of the first item in the block), in minutes: the time they sit at the table,
  including any wait shorter than ``LEAVE_AFTER_MINUTES`` between their own items.
- The *total attendance* of an order is the sum of all attendees' attendance times. The chair and
  the secretary sit through the whole meeting and are not counted.

The optimiser minimises (total attendance, total number of blocks) lexicographically. It starts
from the plain ordering by target group and from a greedy construction (each next item the one
that adds the least attendance, tried from every start item), then improves the best candidates
by local search: 2-opt segment reversal and moving single items (or-opt), first improvement, with
seeded random restarts. Because the target-group ordering is one of its starting points, the result
is never worse than that ordering.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

LEAVE_AFTER_MINUTES = 30
DEFAULT_SEED = 20260
RESTARTS = 6


@dataclass(frozen=True)
class Item:
    key: Hashable
    minutes: int
    attendees: frozenset[Hashable]
    group: str = ""  # the target group label, for the plain ordering
    sort_key: str = ""  # within a target group (the case reference)


@dataclass(frozen=True)
class Attendance:
    attendee: Hashable
    minutes: int
    blocks: tuple[tuple[int, int], ...]  # (start offset, end offset) per block


@dataclass(frozen=True)
class Evaluation:
    total_minutes: int
    total_blocks: int
    per_attendee: dict[Hashable, Attendance] = field(default_factory=dict)

    @property
    def cost(self) -> tuple[int, int]:
        return (self.total_minutes, self.total_blocks)


def offsets(items: Sequence[Item]) -> list[int]:
    """Start offset (minutes from the start of the meeting) of each item, in the given order."""
    result, at = [], 0
    for item in items:
        result.append(at)
        at += item.minutes
    return result


def evaluate(items: Sequence[Item], *, leave_after: int = LEAVE_AFTER_MINUTES) -> Evaluation:
    """Attendance per attendee for the items in this order (see the module docstring)."""
    blocks: dict[Hashable, list[list[int]]] = {}
    at = 0
    for item in items:
        end = at + item.minutes
        for attendee in item.attendees:
            own = blocks.setdefault(attendee, [])
            if own and at - own[-1][1] < leave_after:
                own[-1][1] = end
            else:
                own.append([at, end])
        at = end
    per: dict[Hashable, Attendance] = {}
    total_minutes = total_blocks = 0
    for attendee, spans in blocks.items():
        minutes = sum(e - s for s, e in spans)
        per[attendee] = Attendance(attendee, minutes, tuple((s, e) for s, e in spans))
        total_minutes += minutes
        total_blocks += len(spans)
    return Evaluation(total_minutes, total_blocks, per)


def _cost(items: Sequence[Item], leave_after: int) -> tuple[int, int]:
    # The hot path of the search: the same figures as `evaluate`, without building the report.
    last_end: dict[Hashable, int] = {}
    total = blocks = 0
    at = 0
    for item in items:
        end = at + item.minutes
        for attendee in item.attendees:
            previous = last_end.get(attendee)
            if previous is not None and at - previous < leave_after:
                total += end - previous
            else:
                total += item.minutes
                blocks += 1
            last_end[attendee] = end
        at = end
    return (total, blocks)


def target_group_order(items: Sequence[Item]) -> list[Item]:
    """The plain ordering: by target group, then by sort key (the case reference)."""
    return sorted(items, key=lambda item: (item.group, item.sort_key))


def _greedy(items: Sequence[Item], first: int, leave_after: int) -> list[Item]:
    order = [items[first]]
    rest = [item for index, item in enumerate(items) if index != first]
    while rest:
        best_index, best_cost = 0, None
        for index, candidate in enumerate(rest):
            # Prefer the item that shares the most attendees with the tail, then the cheapest total.
            cost = _cost([*order, candidate], leave_after)
            if best_cost is None or cost < best_cost:
                best_index, best_cost = index, cost
        order.append(rest.pop(best_index))
    return order


def _local_search(order: list[Item], leave_after: int) -> tuple[list[Item], tuple[int, int]]:
    best = _cost(order, leave_after)
    n = len(order)
    improved = True
    while improved:
        improved = False
        # 2-opt: reverse a segment.
        for i in range(n - 1):
            for j in range(i + 1, n):
                candidate = order[:i] + order[i:j + 1][::-1] + order[j + 1:]
                cost = _cost(candidate, leave_after)
                if cost < best:
                    order, best, improved = candidate, cost, True
        # Or-opt: move one item to another place.
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                rest = order[:i] + order[i + 1:]
                candidate = [*rest[:j], order[i], *rest[j:]]
                cost = _cost(candidate, leave_after)
                if cost < best:
                    order, best, improved = candidate, cost, True
    return order, best


def optimise(items: Sequence[Item], *, seed: int = DEFAULT_SEED, restarts: int = RESTARTS,
             leave_after: int = LEAVE_AFTER_MINUTES) -> list[Item]:
    """An order of `items` with total attendance no higher than the target-group ordering.

    Deterministic for a given input and seed.
    """
    items = list(items)
    if len(items) < 2:
        return items
    rng = random.Random(seed)  # noqa: S311 - a reproducible search, not cryptography
    baseline = target_group_order(items)
    starts: list[list[Item]] = [baseline, list(items)]  # never worse than either
    greedy = sorted((_greedy(items, first, leave_after) for first in range(len(items))),
                    key=lambda order: _cost(order, leave_after))
    starts.extend(greedy[:2])
    for _ in range(restarts):
        shuffled = list(items)
        rng.shuffle(shuffled)
        starts.append(shuffled)
    best_order, best_cost = baseline, _cost(baseline, leave_after)
    for start in starts:
        order, cost = _local_search(list(start), leave_after)
        if cost < best_cost:
            best_order, best_cost = order, cost
    return best_order


@dataclass(frozen=True)
class Comparison:
    current: Evaluation
    target_group: Evaluation
    before: Evaluation | None = None  # the order before optimising, when there was one

    @property
    def saving_minutes(self) -> int:
        """Against the target-group ordering: positive when this order saves time, negative when it costs."""
        return self.target_group.total_minutes - self.current.total_minutes

    @property
    def improvement_minutes(self) -> int:
        """Against the order before optimising (0 without one); never negative, as the optimiser keeps the best."""
        return 0 if self.before is None else self.before.total_minutes - self.current.total_minutes


def compare(items_in_order: Sequence[Item], *, leave_after: int = LEAVE_AFTER_MINUTES) -> Comparison:
    """The figures for the agenda page: this order against the plain target-group ordering."""
    return Comparison(evaluate(items_in_order, leave_after=leave_after),
                      evaluate(target_group_order(items_in_order), leave_after=leave_after))
