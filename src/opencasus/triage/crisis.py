"""The crisis lane's first deadline: an intake with urgency crisis, in a house that runs the crisis lane, is
triaged (a triage decision recorded) within the house's number of working days, counted from its filing.

No access check and nothing logged here: the callers pass cases they have opened through the access policy
(the triage queue, the crisis-lane list) and log what they show. The second deadline, the case conference,
is `opencasus.meetings.crisis`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.core.dates import add_working_days
from opencasus.network.approach_settings import crisis_periods_of
from opencasus.network.approaches import houses_running
from opencasus.network.models import Approach
from opencasus.triage.models import Decision

# Before the decision: the deadline is still running or has passed. A case past the triage without a decision
# on record has no triage deadline.
TRIAGE_STATUSES = (Status.SUBMITTED, Status.IN_TRIAGE)


class DeadlineKind(models.TextChoices):
    TRIAGE = "triage", _("Triage")
    CONFERENCE = "conference", _("Case conference")


class DeadlineState(models.TextChoices):
    OPEN = "open", _("Due")
    OVERDUE = "overdue", _("Overdue")
    MET = "met", _("Met on time")
    LATE = "late", _("Met late")


TONES = {DeadlineState.OPEN: "warning", DeadlineState.OVERDUE: "danger", DeadlineState.MET: "success",
         DeadlineState.LATE: "neutral"}


@dataclass(frozen=True)
class Deadline:
    case_id: int
    kind: DeadlineKind
    due_date: dt.date
    state: DeadlineState
    done_date: dt.date | None = None  # when it was met (the decision, the conference)
    planned_date: dt.date | None = None  # a conference planned but not held yet

    @property
    def is_open(self) -> bool:
        return self.state in (DeadlineState.OPEN, DeadlineState.OVERDUE)

    @property
    def tone(self) -> str:
        return TONES[self.state]

    @property
    def kind_label(self) -> str:
        return str(self.kind.label)

    @property
    def state_label(self) -> str:
        return str(self.state.label)


def judge(*, case_id: int, kind: DeadlineKind, due: dt.date, done: dt.date | None, today: dt.date,
          planned: dt.date | None = None) -> Deadline:
    """The state of a deadline: met on time or late once done, else due until the day after, then overdue."""
    if done is not None:
        state = DeadlineState.MET if done <= due else DeadlineState.LATE
    else:
        state = DeadlineState.OVERDUE if today > due else DeadlineState.OPEN
    return Deadline(case_id=case_id, kind=kind, due_date=due, state=state, done_date=done, planned_date=planned)


def crisis_lane_houses(house_ids: Iterable[int]) -> set[int]:
    return houses_running(approach=Approach.CRISIS_LANE, house_ids=set(house_ids))


def in_lane(cases: Iterable[Case]) -> list[Case]:
    """The crisis cases among `cases` whose house runs the crisis lane."""
    crisis = [c for c in cases if c.urgency == Urgency.CRISIS]
    running = crisis_lane_houses({c.house_id for c in crisis})
    return [c for c in crisis if c.house_id in running]


def triage_deadlines(cases: Iterable[Case], *, today: dt.date | None = None) -> dict[int, Deadline]:
    """The triage deadline per case id, for the crisis cases in crisis-lane houses among `cases`."""
    today = today or timezone.localdate()
    lane = in_lane(cases)
    if not lane:
        return {}
    periods = crisis_periods_of({c.house_id for c in lane})
    decided = dict(Decision.objects.filter(case_id__in=[c.pk for c in lane]).values_list("case_id", "decided_at"))
    result = {}
    for case in lane:
        decided_at = decided.get(case.pk)
        if decided_at is None and case.status not in TRIAGE_STATUSES:
            continue
        due = add_working_days(timezone.localdate(case.filed_at), periods[case.house_id][0])
        result[case.pk] = judge(case_id=case.pk, kind=DeadlineKind.TRIAGE, due=due, today=today,
                                done=timezone.localdate(decided_at) if decided_at else None)
    return result
