"""Reads of the triage table with its partners. Each starts from `opencasus.access.triage_table` or
`opencasus.access.information_requests` and logs the personal data it returns (activity "triage")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import capacities, roles
from opencasus.access import information_requests as requests_access
from opencasus.access import triage_table as table
from opencasus.access.information_requests import RequestAccess
from opencasus.access.triage_table import QUEUE_STATUSES, TableAccess
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import Relation
from opencasus.logbook.models import Action
from opencasus.logbook.services import Processing, record_processing, record_processing_many
from opencasus.network.models import House, MeetingType, Organisation
from opencasus.triage.models import (
    Contribution,
    Decision,
    InformationAnswer,
    InformationRequest,
    RequestStatus,
    SessionItem,
    StandingMember,
    TriageSession,
)
from opencasus.triage.services.common import (
    ACTIVITY,
    case_purpose,
    log_case,
    log_cases_shown,
    organisations_with_covenant,
)
from opencasus.triage.services.requests import request_subjects

if TYPE_CHECKING:
    from opencasus.accounts.models import User


# Standing members ------------------------------------------------------------------------------------------

def managed_houses(*, actor: User) -> QuerySet[House]:
    return House.objects.filter(pk__in=table.standing_member_managers(actor)).order_by("name")


def standing_members(*, actor: User, house_id: int, include_ended: bool = False) -> list[StandingMember]:
    """The seats of a house (process director and house manager; anyone else 404). No case data."""
    if house_id not in table.standing_member_managers(actor):
        raise Http404
    qs = (StandingMember.objects.filter(house_id=house_id)
          .select_related("organisation", "user", "meeting_type", "started_by"))
    if not include_ended:
        qs = qs.filter(ended_at__isnull=True)
    return list(qs)


def house_meeting_types(house_id: int) -> QuerySet[MeetingType]:
    return MeetingType.objects.filter(house_id=house_id, active=True).order_by("name")


def house_organisations(house_id: int) -> list[Organisation]:
    return sorted(organisations_with_covenant(House.objects.get(pk=house_id)).values(), key=lambda o: o.name)


# Sessions --------------------------------------------------------------------------------------------------

@dataclass
class SessionRow:
    item: SessionItem
    case: Case
    subjects: list[Person]
    decision: Decision | None
    open: bool  # still waiting for the decision: the table sees the intake


def session_list(*, actor: User, house_id: int | None = None, status: str | None = None) -> list[TriageSession]:
    """The sessions of the houses whose table the actor sees (dates and counts, no persons: not logged)."""
    qs = table.table_sessions(actor=actor).select_related("house")
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if status:
        qs = qs.filter(status=status)
    return list(qs.prefetch_related("items"))


def session_detail(*, actor: User, session_id: int) -> tuple[TriageSession, TableAccess, list[SessionRow]]:
    """A session with its intakes and the decisions taken on them. Persons are shown for the intakes still
    waiting; a decided intake shows its reference and outcome only. One view record per case shown."""
    session, level = table.session_get(actor=actor, session_id=session_id)
    subjects = Person.objects.filter(relation=Relation.SUBJECT).order_by("id")
    items = list(session.items.select_related("case", "case__house")
                 .prefetch_related(Prefetch("case__persons", queryset=subjects, to_attr="subject_persons")))
    decisions = {d.case_id: d for d in Decision.objects.filter(case_id__in=[i.case_id for i in items])}
    rows = []
    for item in items:
        is_open = item.case.status in QUEUE_STATUSES
        rows.append(SessionRow(item=item, case=item.case, decision=decisions.get(item.case_id), open=is_open,
                               subjects=getattr(item.case, "subject_persons", []) if is_open else []))
    log_cases_shown(actor=actor, cases=[r.case for r in rows if r.open], object_type="triage-session")
    return session, level, rows


def queue_for_session(*, actor: User, session: TriageSession) -> list[Case]:
    """Intakes of the session's house queue not yet on its list, for core staff to add (references only)."""
    if not capacities.is_core_staff(actor, session.house_id):
        return []
    listed = session.items.values("case_id")
    return list(table.table_cases(actor=actor).filter(house_id=session.house_id).exclude(pk__in=listed)
                .order_by("filed_at"))


# The intake at the table -----------------------------------------------------------------------------------

@dataclass
class TableIntake:
    case: Case
    level: TableAccess
    persons: list[Person]
    contributions: list[Contribution]
    answers: list[InformationAnswer]
    requests: list[InformationRequest]
    sessions: list[TriageSession]
    own_organisations: list[Organisation]


def table_intake_get(*, actor: User, case_id: int) -> TableIntake:
    """An intake as the triage table sees it: the intake, the contributions, the answers shared with the
    table (core staff: also the requests). 404 for anyone without a seat or after the decision. Logged."""
    case, level = table.table_case_get(actor=actor, case_id=case_id)
    contributions = list(Contribution.objects.filter(case=case).select_related("organisation", "author"))
    answers = list(requests_access.visible_answers(actor=actor, case=case, level=level)
                   .select_related("request", "organisation", "author"))
    requests = list(case_requests(case)) if level >= TableAccess.CORE else []
    sessions = list(TriageSession.objects.filter(items__case=case).order_by("date"))
    if level >= TableAccess.CORE:
        own_ids = capacities.core_staff_organisation_ids(actor, case.house_id)
    else:
        own_ids = table.seat_organisation_ids(actor, case.house_id)
    log_case(actor=actor, case=case, action=Action.VIEW, object_type="triage-table-intake")
    return TableIntake(case=case, level=level, persons=list(case.persons.all()), contributions=contributions,
                       answers=answers, requests=requests, sessions=sessions,
                       own_organisations=list(Organisation.objects.filter(pk__in=own_ids).order_by("name")))


def table_intakes(*, actor: User, house_id: int | None = None) -> list[Case]:
    """The intakes the actor sees at the triage table (a seat holder: those on a session's list). Logged."""
    qs = table.table_cases(actor=actor).select_related("house").order_by("filed_at")
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    cases = list(qs)
    log_cases_shown(actor=actor, cases=cases, object_type="triage-table-intakes")
    return cases


def contributions_list(*, actor: User, case_id: int) -> list[Contribution]:
    case, _level = table.table_case_get(actor=actor, case_id=case_id)
    rows = list(Contribution.objects.filter(case=case).select_related("organisation", "author"))
    log_case(actor=actor, case=case, action=Action.VIEW, object_type="triage-contributions")
    return rows


def case_contributions(case: Case) -> QuerySet[Contribution]:
    """The contributions on an intake the caller opened through the access policy as core staff."""
    return Contribution.objects.filter(case=case).select_related("organisation", "author")


# Information requests --------------------------------------------------------------------------------------

def case_requests(case: Case) -> QuerySet[InformationRequest]:
    """The requests of an intake the caller opened as core staff, with their answers (side by side)."""
    return (InformationRequest.objects.filter(case=case).select_related("organisation", "requested_by")
            .prefetch_related("persons", Prefetch("answer", queryset=InformationAnswer.objects.select_related(
                "author", "organisation"))))


def _log_requests_shown(*, actor: User, requests: list[InformationRequest]) -> None:
    record_processing_many([
        Processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=case_purpose(r.case),
                   who=roles.who(actor, r.house_id), house_id=r.house_id,
                   data_subjects=tuple(str(p.pseudonym) for p in r.persons.all()) or ("",),
                   object_type="triage-information-requests", object_id=r.pk, case_id=r.case_id)
        for r in requests])


def request_list(*, actor: User, house_id: int | None = None, case_id: int | None = None,
                 status: str | None = None, overdue: bool | None = None,
                 today: dt.date | None = None) -> list[InformationRequest]:
    """The requests the actor sees: core staff their houses', a partner professional those addressed to their
    organisation while the intake waits. One view record per request (its persons as data subjects)."""
    today = today or timezone.localdate()
    qs = (requests_access.visible_requests(actor=actor)
          .select_related("case", "organisation", "requested_by").prefetch_related("persons"))
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if status:
        qs = qs.filter(status=status)
    if overdue is True:
        qs = qs.filter(status=RequestStatus.OPEN, due_date__lt=today)
    elif overdue is False:
        qs = qs.exclude(status=RequestStatus.OPEN, due_date__lt=today)
    rows = list(qs.order_by("due_date", "id"))
    _log_requests_shown(actor=actor, requests=rows)
    return rows


@dataclass
class RequestView:
    request: InformationRequest
    level: RequestAccess
    persons: list[Person]
    answer: InformationAnswer | None


def request_detail(*, actor: User, request_id: int) -> RequestView:
    """One request with the persons asked about and the answer. The addressee sees the reference and these
    persons, nothing else of the intake. Logged as a view of the persons asked about."""
    request, level = requests_access.request_get(actor=actor, request_id=request_id)
    answer = InformationAnswer.objects.filter(request=request).select_related("author", "organisation").first()
    record_processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=case_purpose(request.case),
                      who=roles.who(actor, request.house_id), house_id=request.house_id,
                      data_subjects=request_subjects(request), object_type="triage-information-request",
                      object_id=request.pk, case_id=request.case_id)
    return RequestView(request=request, level=level, persons=list(request.persons.order_by("id")), answer=answer)


def request_counts(*, actor: User, today: dt.date | None = None) -> dict[str, int]:
    """Counts for the work inbox (no case shown, nothing logged), through the same filter as the list."""
    today = today or timezone.localdate()
    visible = requests_access.visible_requests(actor=actor).filter(status=RequestStatus.OPEN)
    core = capacities.core_staff_house_ids(actor)
    addressed = visible.exclude(house_id__in=core)
    return {
        "overdue": visible.filter(due_date__lt=today).count(),
        "addressed": addressed.count(),
        "table": table.table_cases(actor=actor).exclude(house_id__in=core).count(),
    }
