"""The load per process director over time: per month, the cases that were active (admitted) at the end of
the month and whom they were directed by then, rebuilt from the status history and the assignment history.

For the house manager and core staff: staff workload as counts, no case and no person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import caseload as caseload_access
from opencasus.accounts.models import User
from opencasus.cases.caseload.load import ACTIVE_STATUS, limits_for
from opencasus.cases.models import Case, DirectorAssignment, StatusChange
from opencasus.network.models import House

MAX_MONTHS = 36


@dataclass
class DirectorMonths:
    director_id: int | None
    name: str
    counts: list[int]


@dataclass
class LoadHistory:
    house: House
    months: list[dt.date]  # the first day of each month, oldest first
    directors: list[DirectorMonths]
    totals: list[int]
    per_director: int | None
    per_house: int | None


def _month_starts(until: dt.date, months: int) -> list[dt.date]:
    first = until.replace(day=1)
    result = [first]
    for _i in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        result.append(first)
    return list(reversed(result))


def _moment(month: dt.date, now: dt.datetime) -> dt.datetime:
    """The end of the month (now, for the month still running)."""
    following = (month + dt.timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(dt.datetime.combine(following, dt.time.min)) - dt.timedelta(microseconds=1)
    return min(end, now)


def _state_at(changes: list[tuple[dt.datetime, str]], moment: dt.datetime, initial: str | None) -> str | None:
    state = initial
    for at, value in changes:
        if at > moment:
            break
        state = value
    return state


def load_history(*, actor: User, house_id: int, months: int = 12) -> LoadHistory:
    caseload_access.require_workload(actor, house_id)
    months = max(1, min(months, MAX_MONTHS))
    house = House.objects.get(pk=house_id)
    now = timezone.now()
    starts = _month_starts(timezone.localdate(now), months)
    moments = [_moment(m, now) for m in starts]
    first_moment = timezone.make_aware(dt.datetime.combine(starts[0], dt.time.min))
    statuses: dict[int, list[tuple[dt.datetime, str]]] = {}
    for case_id, at, to_status in (StatusChange.objects.filter(house_id=house_id, changed_at__lte=now)
                                   .order_by("case_id", "changed_at", "id")
                                   .values_list("case_id", "changed_at", "to_status")):
        statuses.setdefault(case_id, []).append((at, to_status))
    # Only cases admitted at some point, and not closed before the first month.
    relevant = {case_id for case_id, changes in statuses.items()
                if any(s == ACTIVE_STATUS for _a, s in changes)
                and not (changes[-1][1] != ACTIVE_STATUS and changes[-1][0] < first_moment)}
    directors: dict[int, list[tuple[dt.datetime, str]]] = {}
    for case_id, at, to_director in (DirectorAssignment.objects.filter(house_id=house_id, case_id__in=relevant)
                                     .order_by("case_id", "at", "id").values_list("case_id", "at", "to_director_id")):
        directors.setdefault(case_id, []).append((at, str(to_director)))
    # A director set without history (data loaded before the history existed) counts from the filing.
    unrecorded = Case.objects.filter(pk__in=relevant, process_director__isnull=False).exclude(pk__in=list(directors))
    for case_id, director_id, filed_at in unrecorded.values_list("pk", "process_director_id", "filed_at"):
        directors.setdefault(case_id, [(filed_at, str(director_id))])
    counts: dict[int | None, list[int]] = {}
    totals = [0] * len(moments)
    for case_id in relevant:
        for index, moment in enumerate(moments):
            if _state_at(statuses[case_id], moment, None) != ACTIVE_STATUS:
                continue
            director = _state_at(directors.get(case_id, []), moment, None)
            key = int(director) if director is not None else None
            counts.setdefault(key, [0] * len(moments))[index] += 1
            totals[index] += 1
    names = {u.pk: (u.get_full_name() or u.get_username())
             for u in User.objects.filter(pk__in=[k for k in counts if k is not None])}
    rows = sorted((DirectorMonths(director_id=k, name=names.get(k, ""), counts=v)
                   for k, v in counts.items() if k is not None), key=lambda r: r.name)
    if None in counts:
        rows.append(DirectorMonths(director_id=None, name=_("No process director"), counts=counts[None]))
    limits = limits_for(house_id)
    return LoadHistory(house=house, months=starts, directors=rows, totals=totals,
                       per_director=limits.per_director, per_house=limits.per_house)
