"""The crisis lane (`network.Approach.CRISIS_LANE`): an intake with urgency crisis is triaged within the house's
number of working days counted from its filing (`opencasus.triage.crisis`) and, once admitted, discussed in a
case conference within the house's second number counted from its admission: the conference deadline is met on
the date of the first meeting (not cancelled) with the case on its agenda.

Core staff of a house that runs the crisis lane see the deadlines (this module's list, the triage queue, the
start page); the daily job signals a passed deadline to them once; a house with the crisis lane switched off
shows and signals nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Min, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from opencasus.access.approaches import crisis_lane_house_ids
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.core.dates import add_working_days
from opencasus.meetings.models import AgendaItem, MeetingStatus
from opencasus.network.approach_settings import crisis_periods_of
from opencasus.network.models import CORE_STAFF_ROLES, Membership
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.triage.crisis import Deadline, DeadlineKind, DeadlineState, crisis_lane_houses, in_lane, judge
from opencasus.triage.crisis import triage_deadlines as triage_deadlines
from opencasus.triage.services.common import log_cases_shown

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# The statuses in which a crisis case can have a running deadline.
LANE_STATUSES = (Status.SUBMITTED, Status.IN_TRIAGE, Status.ADMITTED)


@dataclass(frozen=True)
class CrisisItem:
    case: Case
    deadlines: list[Deadline]

    @property
    def overdue(self) -> bool:
        return any(d.state == DeadlineState.OVERDUE for d in self.deadlines)

    @property
    def open(self) -> list[Deadline]:
        return [d for d in self.deadlines if d.is_open]


def conference_deadlines(cases: Iterable[Case], *, today: dt.date | None = None) -> dict[int, Deadline]:
    """The conference deadline per case id, for the admitted crisis cases in crisis-lane houses among `cases`."""
    today = today or timezone.localdate()
    lane = [c for c in in_lane(cases) if c.admitted_at is not None]
    if not lane:
        return {}
    periods = crisis_periods_of({c.house_id for c in lane})
    first = dict(AgendaItem.objects.filter(case_id__in=[c.pk for c in lane])
                 .exclude(meeting__status=MeetingStatus.CANCELLED).values("case_id").order_by()
                 .annotate(first=Min("meeting__date")).values_list("case_id", "first"))
    result = {}
    for case in lane:
        assert case.admitted_at is not None
        due = add_working_days(timezone.localdate(case.admitted_at), periods[case.house_id][1])
        meeting_date = first.get(case.pk)
        held = meeting_date if meeting_date is not None and meeting_date <= today else None
        result[case.pk] = judge(case_id=case.pk, kind=DeadlineKind.CONFERENCE, due=due, done=held, today=today,
                                planned=meeting_date if held is None else None)
    return result


def case_deadlines(cases: Iterable[Case], *, today: dt.date | None = None) -> dict[int, list[Deadline]]:
    """Both deadlines per case id (triage first), for cases the caller opened through the access policy. A case
    outside the crisis lane has none."""
    cases = list(cases)
    result: dict[int, list[Deadline]] = defaultdict(list)
    for deadlines in (triage_deadlines(cases, today=today), conference_deadlines(cases, today=today)):
        for case_id, deadline in deadlines.items():
            result[case_id].append(deadline)
    return dict(result)


def lane_house_ids(*, actor: User) -> set[int]:
    """The houses where the actor is core staff and which run the crisis lane."""
    return crisis_lane_houses(crisis_lane_house_ids(actor))


def _lane_cases(*, actor: User, house_id: int | None = None) -> QuerySet[Case]:
    house_ids = lane_house_ids(actor=actor)
    if house_id is not None:
        if house_id not in house_ids:
            raise Http404
        house_ids = {house_id}
    return (visible_cases(actor=actor, minimum=CaseAccess.CORE)
            .filter(house_id__in=house_ids, urgency=Urgency.CRISIS, status__in=LANE_STATUSES)
            .select_related("house").order_by("filed_at", "id"))


def crisis_items_check(*, actor: User, house_id: int | None = None, overdue: bool = False,
                       today: dt.date | None = None) -> list[CrisisItem]:
    """The crisis cases with an open (due or overdue) deadline, without logging: for the start-page counts and
    for `crisis_list`, which logs what it shows."""
    cases = list(_lane_cases(actor=actor, house_id=house_id))
    deadlines = case_deadlines(cases, today=today)
    items = [CrisisItem(case=c, deadlines=deadlines.get(c.pk, [])) for c in cases]
    items = [i for i in items if i.open and (i.overdue or not overdue)]
    return sorted(items, key=lambda i: (min(d.due_date for d in i.open), i.case.pk))


def crisis_list(*, actor: User, house_id: int | None = None, overdue: bool = False,
                today: dt.date | None = None) -> list[CrisisItem]:
    """The crisis-lane list of core staff (404 without a crisis-lane house). One view record per person shown."""
    if not lane_house_ids(actor=actor):
        raise Http404
    items = crisis_items_check(actor=actor, house_id=house_id, overdue=overdue, today=today)
    log_cases_shown(actor=actor, cases=[i.case for i in items], object_type="crisis-lane")
    return items


def crisis_counts(*, actor: User, today: dt.date | None = None) -> dict[str, int]:
    """Start-page counts (no case shown, nothing logged), through the same selector as the list."""
    items = crisis_items_check(actor=actor, today=today)
    return {"open": sum(len(i.open) for i in items),
            "overdue": sum(1 for i in items for d in i.open if d.state == DeadlineState.OVERDUE)}


def _deadline_link(deadline: Deadline) -> str:
    if deadline.kind == DeadlineKind.TRIAGE:
        return reverse("triage:assessment", args=[deadline.case_id])
    return reverse("cases:detail", args=[deadline.case_id])


def signal_overdue_crisis_deadlines(*, today: dt.date | None = None) -> int:
    """Daily: notify the core staff of the house once of every crisis-lane deadline that passed unmet, in the
    houses that run the crisis lane (nothing for the others). Returns the number of deadlines signalled."""
    today = today or timezone.localdate()
    houses = crisis_lane_houses(Case.objects.filter(urgency=Urgency.CRISIS, status__in=LANE_STATUSES)
                                .values_list("house_id", flat=True).distinct())
    if not houses:
        return 0
    cases = list(Case.objects.filter(house_id__in=houses, urgency=Urgency.CRISIS, status__in=LANE_STATUSES))
    staff: dict[int, set[int]] = defaultdict(set)
    for house_id, user_id in (Membership.objects.active().filter(house_id__in=houses, role__in=CORE_STAFF_ROLES,
                                                                 user__is_active=True)
                              .values_list("house_id", "user_id")):
        staff[house_id].add(user_id)
    by_id = {c.pk: c for c in cases}
    count = 0
    for case_id, deadlines in case_deadlines(cases, today=today).items():
        case = by_id[case_id]
        for deadline in deadlines:
            if deadline.state != DeadlineState.OVERDUE:
                continue
            with transaction.atomic():
                created = notify(user_ids=staff[case.house_id], kind=Kind.CRISIS_DEADLINE_OVERDUE,
                                 link=_deadline_link(deadline), case_reference=case.reference,
                                 house_id=case.house_id, on_date=deadline.due_date,
                                 subject_key=f"crisis-{deadline.kind}-{case.pk}-{deadline.due_date:%Y%m%d}")
            count += bool(created)
    return count
