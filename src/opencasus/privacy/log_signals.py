"""Signals worth a look in the processing log. Thresholds per house (`PrivacySettings`).

- Many cases: one professional opens (views) more different cases within `many_cases_window_minutes`
  (sliding window) than is normal for their role in this house: more than `NORMAL_MULTIPLE` times the
  median busiest window per working day of everyone in that role over the last `BASELINE_DAYS` days,
  and never fewer than `many_cases_count` (the floor). A process director triaging twenty intakes in
  an hour every week is normal; one professional opening a hundred cases is not.
- Odd hours: processing by a professional between `odd_hours_start` and `odd_hours_end` o'clock,
  Europe/Amsterdam (e.g. 22:00-06:00).
- Large exports: one export (one request, one trace id) that concerns at least
  `export_persons_count` different persons.

- Refused access: one professional is refused more than `OPENCASUS_REFUSED_ACCESS_COUNT` cases (hidden
  or missing: the answer is the same 404) within `OPENCASUS_REFUSED_ACCESS_WINDOW_MINUTES`: someone
  trying case numbers. Counted from `logbook.RefusedAccess`: attempts on this house's cases, and on
  case numbers that do not exist by members of this house.

Only processing by professionals counts (system jobs are not signalled). The look-back period is
`look_back_days` before the moment of asking.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings as django_settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from opencasus.logbook.chains import candidate_chains
from opencasus.logbook.models import Action, ProcessingRecord, RefusedAccess
from opencasus.network.models import House, Membership
from opencasus.privacy.models import PrivacySettings

# The normal pattern of a role is read from these weeks; a signal is this many times busier.
BASELINE_DAYS = 28
NORMAL_MULTIPLE = 3


@dataclass
class Signal:
    kind: str  # many-cases | odd-hours | large-export | refused-access
    user_id: int | None
    username: str
    first_at: dt.datetime
    last_at: dt.datetime
    count: int
    detail: dict[str, Any] = field(default_factory=dict)


def _rows(house: House, since: dt.datetime, *, actions: list[str] | None = None) -> Any:
    qs = (ProcessingRecord.objects.filter(chain__in=candidate_chains(house.pk), started_at__gte=since,
                                          audit__user_id__isnull=False)
          .order_by("audit__user_id", "started_at", "sequence"))
    if actions:
        qs = qs.filter(action__in=actions)
    return qs.values_list("audit__user_id", "audit__username", "started_at", "case_id", "data_subject", "trace_id",
                          "action")


@dataclass
class _Peaks:
    """One professional's busiest windows: per local day (the baseline) and in the look-back period."""

    username: str
    roles: Counter[str] = field(default_factory=Counter)
    per_day: dict[dt.date, int] = field(default_factory=dict)
    best: Signal | None = None


def _peaks(house: House, settings: PrivacySettings, baseline_since: dt.datetime,
           since: dt.datetime) -> dict[int, _Peaks]:
    """Sliding window per professional over the baseline weeks: the most different cases viewed within
    `many_cases_window_minutes`, per day, and the busiest window of the look-back period."""
    window = dt.timedelta(minutes=settings.many_cases_window_minutes)
    peaks: dict[int, _Peaks] = {}
    events: deque[tuple[dt.datetime, int]] = deque()
    counts: Counter[int] = Counter()
    current_user: int | None = None
    rows = (ProcessingRecord.objects.filter(chain__in=candidate_chains(house.pk), started_at__gte=baseline_since,
                                            audit__user_id__isnull=False, action=Action.VIEW, case_id__isnull=False)
            .order_by("audit__user_id", "started_at", "sequence")
            .values_list("audit__user_id", "audit__username", "audit__role", "started_at", "case_id"))
    for user_id, username, role, at, case_id in rows.iterator():
        if user_id is None or case_id is None:  # filtered out above; keeps the types exact
            continue
        if user_id != current_user:
            current_user = user_id
            events.clear()
            counts.clear()
        current = peaks.setdefault(user_id, _Peaks(username))
        current.roles[role] += 1
        events.append((at, case_id))
        counts[case_id] += 1
        while events and events[0][0] < at - window:
            _old_at, old_case = events.popleft()
            counts[old_case] -= 1
            if counts[old_case] == 0:
                del counts[old_case]
        day = timezone.localdate(at)
        current.per_day[day] = max(current.per_day.get(day, 0), len(counts))
        if at >= since and (current.best is None or len(counts) > current.best.count):
            current.best = Signal("many-cases", user_id, username, events[0][0], at, len(counts),
                                  {"windowMinutes": settings.many_cases_window_minutes})
    return peaks


def role_thresholds(peaks: dict[int, _Peaks], floor: int) -> dict[str, int]:
    """Per role: what counts as clearly more than normal. The normal pattern of a role is the median,
    over every working day of every professional in that role in the baseline weeks, of the busiest
    window of that day; a signal needs more than `NORMAL_MULTIPLE` times that, and never fewer than the
    house's own threshold (`floor`)."""
    day_peaks: dict[str, list[int]] = {}
    for person in peaks.values():
        day_peaks.setdefault(_role(person), []).extend(person.per_day.values())
    return {role: max(floor, math.ceil(NORMAL_MULTIPLE * statistics.median(values)))
            for role, values in day_peaks.items()}


def _role(person: _Peaks) -> str:
    return person.roles.most_common(1)[0][0] if person.roles else ""


def many_cases(house: House, settings: PrivacySettings, since: dt.datetime, *,
               now: dt.datetime | None = None) -> list[Signal]:
    """Professionals who opened clearly more different cases within the window than is normal for
    their role in this house (see `role_thresholds`)."""
    now = now or timezone.now()
    baseline_since = min(since, now - dt.timedelta(days=BASELINE_DAYS))
    peaks = _peaks(house, settings, baseline_since, since)
    thresholds = role_thresholds(peaks, settings.many_cases_count)
    signals = []
    for person in peaks.values():
        role = _role(person)
        if person.best is not None and person.best.count > thresholds[role]:
            person.best.detail.update({"role": role, "threshold": thresholds[role]})
            signals.append(person.best)
    return signals


def is_odd_hour(moment: dt.datetime, start: int, end: int) -> bool:
    hour = timezone.localtime(moment).hour
    if start == end:
        return False
    if start > end:  # over midnight, e.g. 22 → 6
        return hour >= start or hour < end
    return start <= hour < end


def odd_hours(house: House, settings: PrivacySettings, since: dt.datetime) -> list[Signal]:
    per_user: dict[int, Signal] = {}
    for user_id, username, at, _c, _s, _t, _a in _rows(house, since).iterator():
        if not is_odd_hour(at, settings.odd_hours_start, settings.odd_hours_end):
            continue
        signal = per_user.get(user_id)
        if signal is None:
            per_user[user_id] = Signal("odd-hours", user_id, username, at, at, 1,
                                       {"from": settings.odd_hours_start, "until": settings.odd_hours_end})
        else:
            signal.last_at, signal.count = at, signal.count + 1
    return list(per_user.values())


def large_exports(house: House, settings: PrivacySettings, since: dt.datetime) -> list[Signal]:
    exports: dict[tuple[int, str], Signal] = {}
    subjects: dict[tuple[int, str], set[str]] = {}
    for user_id, username, at, _c, subject, trace_id, _a in _rows(house, since, actions=[Action.EXPORT]).iterator():
        key = (user_id, trace_id)
        if key not in exports:
            exports[key] = Signal("large-export", user_id, username, at, at, 0, {"traceId": trace_id})
            subjects[key] = set()
        exports[key].last_at = at
        if subject:
            subjects[key].add(subject)
    result = []
    for key, signal in exports.items():
        signal.count = len(subjects[key])
        if signal.count >= settings.export_persons_count:
            result.append(signal)
    return result


def refused_attempts(house: House, since: dt.datetime) -> QuerySet[RefusedAccess]:
    """Refused attempts the house's privacy officer sees: on the house's cases, and on case numbers
    that do not exist by the house's members (a missing case belongs to no house)."""
    members = Membership.objects.filter(house=house).values("user_id")
    return RefusedAccess.objects.filter(Q(house_id=house.pk) | Q(house_id__isnull=True, user_id__in=members),
                                        at__gte=since)


def refused_access(house: House, since: dt.datetime) -> list[Signal]:
    """Per professional, the busiest window of refused attempts when it holds more than the threshold."""
    limit = int(getattr(django_settings, "OPENCASUS_REFUSED_ACCESS_COUNT", 10))
    minutes = int(getattr(django_settings, "OPENCASUS_REFUSED_ACCESS_WINDOW_MINUTES", 10))
    window = dt.timedelta(minutes=minutes)
    best: dict[int | None, Signal] = {}
    events: deque[dt.datetime] = deque()
    current: int | None = None
    rows = (refused_attempts(house, since).filter(user_id__isnull=False).order_by("user_id", "at", "pk")
            .values_list("user_id", "username", "at"))
    for user_id, username, at in rows.iterator():
        if user_id != current:
            current = user_id
            events.clear()
        events.append(at)
        while events[0] < at - window:
            events.popleft()
        signal = best.get(user_id)
        if len(events) > limit and (signal is None or len(events) > signal.count):
            best[user_id] = Signal("refused-access", user_id, username, events[0], at, len(events),
                                   {"windowMinutes": minutes})
    return list(best.values())


def signals_for(house: House, settings: PrivacySettings, *, now: dt.datetime | None = None) -> list[Signal]:
    now = now or timezone.now()
    since = now - dt.timedelta(days=settings.look_back_days)
    found = many_cases(house, settings, since, now=now) + odd_hours(house, settings, since) + large_exports(
        house, settings, since) + refused_access(house, since)
    return sorted(found, key=lambda s: s.last_at, reverse=True)
