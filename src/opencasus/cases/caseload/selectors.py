"""Reads of the caseload: the workload per process director, a case's director and its history, and the
load per director over time. All start from `opencasus.access.caseload` (hidden = 404).

The workload shows core staff the cases behind each count by reference, status and dates, no person data:
like "my cases" it logs one record per house without a data subject. The house manager sees the counts
and dates per director only (staff workload, no case), which is not logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import caseload as caseload_access
from opencasus.access import roles
from opencasus.access.policy import CaseAccess, case_get
from opencasus.accounts.models import User
from opencasus.cases.caseload.load import ACTIVE_STATUS, OPEN_STATUSES, Limits, Load, active_cases, limits_for, load_for
from opencasus.cases.caseload.services import triage_director
from opencasus.cases.models import Case, DirectorAssignment, OverLimitAdmission
from opencasus.cases.services.transitions import ACTIVITY_BY_STATUS, case_subjects
from opencasus.cases.workflow import Status
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import House


@dataclass
class WorkloadCase:
    case_id: int
    reference: str
    status: str
    status_label: str
    age_days: int
    last_activity_at: dt.datetime
    next_evaluation_date: dt.date | None


@dataclass
class DirectorLoad:
    director_id: int | None  # None: the open cases nobody directs yet
    name: str
    active: int = 0
    open_intakes: int = 0
    oldest_days: int | None = None
    last_activity_at: dt.datetime | None = None
    next_evaluation_date: dt.date | None = None
    maximum: int | None = None
    is_member: bool = True
    cases: list[WorkloadCase] = field(default_factory=list)

    @property
    def over_maximum(self) -> bool:
        return self.maximum is not None and self.active > self.maximum

    @property
    def at_maximum(self) -> bool:
        return self.maximum is not None and self.active >= self.maximum


@dataclass
class Workload:
    house: House
    limits: Limits
    house_active: int
    directors: list[DirectorLoad]
    shows_cases: bool
    may_edit_limits: bool

    @property
    def house_over_maximum(self) -> bool:
        return self.limits.per_house is not None and self.house_active > self.limits.per_house


def _name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _age_days(case: Case, today: dt.date) -> int:
    start = case.admitted_at if case.status == ACTIVE_STATUS and case.admitted_at else case.filed_at
    return max((today - timezone.localdate(start)).days, 0)


def workload(*, actor: User, house_id: int) -> Workload:
    """The open cases per process director of a house: how many are active, their age, last activity and
    next evaluation date (core staff also get the cases themselves)."""
    caseload_access.require_workload(actor, house_id)
    house = House.objects.get(pk=house_id)
    limits = limits_for(house_id)
    shows_cases = caseload_access.sees_cases(actor, house_id)
    today = timezone.localdate()
    members = caseload_access.director_ids(house_id)
    people = {u.pk: u for u in User.objects.filter(pk__in=members)}
    # The plan (plans app, a layer up) keeps the evaluation date; it is read through the reverse relation.
    cases = list(Case.objects.filter(house_id=house_id, status__in=OPEN_STATUSES)
                 .select_related("process_director").annotate(next_evaluation=F("plan__evaluation_date"))
                 .order_by("filed_at", "pk"))
    loads: dict[int | None, DirectorLoad] = {
        pk: DirectorLoad(director_id=pk, name=_name(user), maximum=limits.per_director)
        for pk, user in people.items()}
    for case in cases:
        key = case.process_director_id
        if key not in loads:
            loads[key] = (DirectorLoad(director_id=key, name=_name(case.process_director), maximum=limits.per_director,
                                       is_member=False) if key is not None
                          else DirectorLoad(director_id=None, name=_("No process director yet")))
        entry = loads[key]
        age = _age_days(case, today)
        evaluation: dt.date | None = getattr(case, "next_evaluation", None)
        if case.status == ACTIVE_STATUS:
            entry.active += 1
        else:
            entry.open_intakes += 1
        entry.oldest_days = age if entry.oldest_days is None else max(entry.oldest_days, age)
        if entry.last_activity_at is None or case.last_activity_at > entry.last_activity_at:
            entry.last_activity_at = case.last_activity_at
        if evaluation is not None and case.status == ACTIVE_STATUS and (
                entry.next_evaluation_date is None or evaluation < entry.next_evaluation_date):
            entry.next_evaluation_date = evaluation
        if shows_cases:
            entry.cases.append(WorkloadCase(
                case_id=case.pk, reference=case.reference, status=case.status,
                status_label=str(Status(case.status).label), age_days=age, last_activity_at=case.last_activity_at,
                next_evaluation_date=evaluation if case.status == ACTIVE_STATUS else None))
    directors = sorted((v for k, v in loads.items() if k is not None), key=lambda d: (-d.active, d.name))
    if None in loads:
        directors.append(loads[None])
    if shows_cases and cases:
        record_processing(action=Action.VIEW, activity_code=ActivityCode.TRIAGE, purpose=purposes.WORKLOAD,
                          who=roles.who(actor, house_id), house_id=house_id, object_type="workload",
                          object_id=house_id)
    return Workload(house=house, limits=limits, house_active=sum(1 for c in cases if c.status == ACTIVE_STATUS),
                    directors=directors, shows_cases=shows_cases,
                    may_edit_limits=caseload_access.may_edit_limits(actor, house_id))


def workload_houses(*, actor: User) -> list[House]:
    return list(House.objects.filter(pk__in=caseload_access.workload_house_ids(actor)).order_by("name"))


@dataclass
class Direction:
    """A case's process director, the history of assignments and the admissions past a maximum."""

    case: Case
    assignments: list[DirectorAssignment]
    over_limit: list[OverLimitAdmission]
    directors: list[tuple[int, str]]


def director_choices(house_id: int) -> list[tuple[int, str]]:
    users = User.objects.filter(pk__in=caseload_access.director_ids(house_id)).order_by(
        "last_name", "first_name", "username")
    return [(u.pk, _name(u)) for u in users]


def direction_get(*, actor: User, case_id: int) -> Direction:
    """The process director of a case and who changed it when (core staff of the house; logged)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    assignments = list(DirectorAssignment.objects.filter(case=case).select_related("from_director", "to_director",
                                                                                   "by"))
    over_limit = list(OverLimitAdmission.objects.filter(case=case).select_related("director", "confirmed_by"))
    record_processing(
        action=Action.VIEW, activity_code=ACTIVITY_BY_STATUS.get(case.status, ActivityCode.INTAKE),
        purpose=case.purpose or case.requested_purpose, who=roles.who(actor, case.house_id), house_id=case.house_id,
        data_subjects=case_subjects(case), object_type="process-director", object_id=case.pk, case_id=case.pk)
    return Direction(case=case, assignments=assignments, over_limit=over_limit,
                     directors=director_choices(case.house_id))


@dataclass
class TriageLoad:
    """What the triage table sees before deciding: the load of the default director and of the house, and
    each director's active cases (staff workload: counts only)."""

    load: Load
    director_name: str
    directors: list[tuple[int, str, int, bool]]  # (id, name, active cases, at or past the maximum)


def triage_load(*, actor: User, case: Case) -> TriageLoad:
    """For the decision page of a case the caller already opened as core staff."""
    if not caseload_access.may_assign(actor, case.house_id):
        raise Http404
    chosen = triage_director(actor=actor, case=case, director_id=None)
    load = load_for(house_id=case.house_id, director_id=chosen, exclude_case_id=case.pk)
    counts: dict[int, int] = {}
    for director_id in (active_cases(case.house_id).exclude(pk=case.pk).filter(process_director__isnull=False)
                        .values_list("process_director_id", flat=True)):
        counts[director_id] = counts.get(director_id, 0) + 1
    maximum = load.limits.per_director
    directors = [(pk, name, counts.get(pk, 0), maximum is not None and counts.get(pk, 0) >= maximum)
                 for pk, name in director_choices(case.house_id)]
    name = next((n for pk, n, _c, _f in directors if pk == chosen), "")
    return TriageLoad(load=load, director_name=name, directors=directors)


def direction_check(*, actor: User, case_id: int) -> Case:
    """404 unless the actor is core staff of the case's house (before a write reads its input)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    return case
