"""Reads of the triage. Each starts from `opencasus.access.policy` and logs the personal data it returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone

from opencasus.access import triage as triage_access
from opencasus.access.policy import CaseAccess, case_get, visible_cases
from opencasus.cases.models import Case, CaseHit, Participant, Person
from opencasus.cases.vocabulary import Relation, Urgency
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action
from opencasus.network.models import House, LocalCriterion, MeetingType, Organisation, Partnership
from opencasus.triage import cadence, crisis, hits
from opencasus.triage.models import Assessment, Decision
from opencasus.triage.services.common import log_case, log_cases_shown, organisations_with_covenant, partner_memberships

if TYPE_CHECKING:
    from opencasus.accounts.models import User

QUEUE_STATUSES = (Status.SUBMITTED, Status.IN_TRIAGE)
URGENCY_RANK: dict[str, int] = {Urgency.CRISIS: 0, Urgency.HIGH: 1, Urgency.NORMAL: 2}


@dataclass
class QueueItem:
    case: Case
    subjects: list[Person]
    age_days: int
    hit_count: int
    triage_date: dt.date
    # The crisis lane's triage deadline (crisis intakes in a house that runs the crisis lane only).
    crisis_deadline: crisis.Deadline | None = None


def core_houses(*, actor: User) -> QuerySet[House]:
    return triage_access.triage_houses(actor=actor)


def _queue_cases(*, actor: User, house_ids: set[int]) -> QuerySet[Case]:
    return (visible_cases(actor=actor, minimum=CaseAccess.CORE)
            .filter(house_id__in=house_ids, status__in=QUEUE_STATUSES)
            .select_related("house", "filed_by_organisation", "target_group"))


QUEUE_FILTERS = ("treffers", "beoordeeld", "crisis")  # with hits; assessed, awaiting a decision; crisis lane
QUEUE_PAGE_SIZE = 50


def triage_queue(*, actor: User, house_id: int | None = None, now: dt.datetime | None = None,
                 only: str | None = None) -> list[QueueItem]:
    """The intakes waiting for triage in the actor's houses (core staff only), next table first.

    A house the actor is not core staff of answers 404. The queue is paged by the caller: the items
    carry no persons and nothing is logged until `record_queue_list_view` is given the page shown.
    """
    house_ids = triage_access.queue_house_ids(actor=actor, house_id=house_id)
    now = now or timezone.now()
    today = timezone.localdate(now)
    cases = list(_queue_cases(actor=actor, house_ids=house_ids))
    counts = hits.hit_counts(actor=actor, cases=cases)
    deadlines = crisis.triage_deadlines(cases, today=today)
    items = [
        QueueItem(case=case, subjects=[], age_days=(now - case.filed_at).days,
                  hit_count=counts.get(case.pk, 0),
                  triage_date=cadence.planned_table_date(case.house, case.filed_at, today,
                                                         crisis=case.urgency == Urgency.CRISIS),
                  crisis_deadline=deadlines.get(case.pk))
        for case in cases
    ]
    items.sort(key=lambda i: (i.triage_date, URGENCY_RANK.get(i.case.urgency, 9), i.case.filed_at))
    if only == "treffers":
        items = [i for i in items if i.hit_count]
    elif only == "beoordeeld":
        items = [i for i in items if i.case.status == Status.IN_TRIAGE]
    elif only == "crisis":
        items = [i for i in items if i.crisis_deadline is not None]
    return items


def record_queue_list_view(*, actor: User, items: Sequence[QueueItem]) -> None:
    """The page of the queue that is shown: its subjects are read and one processing record is written
    per person of each case on it (the rest of the queue is neither read nor logged)."""
    cases = [item.case for item in items]
    subjects = Person.objects.filter(relation=Relation.SUBJECT).order_by("id")
    prefetch_related_objects(cases, Prefetch("persons", queryset=subjects, to_attr="subject_persons"))
    for item in items:
        item.subjects = getattr(item.case, "subject_persons", [])
    log_cases_shown(actor=actor, cases=cases, object_type="triage-queue")


def inbox_counts(*, actor: User) -> dict[str, int]:
    """Counts for the work inbox of core staff: waiting, of which with hits, and assessed awaiting a decision.
    Counts only (no case shown, nothing logged), through the access policy."""
    waiting = visible_cases(actor=actor, minimum=CaseAccess.CORE).filter(
        house_id__in=triage_access.queue_house_ids(actor=actor), status__in=QUEUE_STATUSES)
    return {
        "waiting": waiting.count(),
        "hits": waiting.filter(Exists(CaseHit.objects.filter(case_id=OuterRef("pk")))).count(),
        "assessed": waiting.filter(status=Status.IN_TRIAGE).count(),
    }


def queue_summary(*, actor: User, today: dt.date | None = None) -> list[tuple[House, int, dt.date]]:
    """Per house: how many intakes wait and the next triage date. Counts only, no personal data."""
    result = []
    for house in core_houses(actor=actor):
        waiting = (visible_cases(actor=actor, minimum=CaseAccess.CORE)
                   .filter(house=house, status__in=QUEUE_STATUSES).count())
        result.append((house, waiting, cadence.next_table_date(house, today)))
    return result


def triage_case(*, actor: User, case_id: int) -> Case:
    """The case for a triage write: core staff of its house only, else 404 (nothing is read or logged)."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    return case


def assessment_get(*, actor: User, case_id: int) -> tuple[Case, Assessment | None]:
    """The case (core staff only, else 404) and its assessment, if started. Logged as a view."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    assessment = (Assessment.objects.filter(case=case)
                  .prefetch_related("life_domains", "local_answers__criterion").first())
    log_case(actor=actor, case=case, action=Action.VIEW, object_type="triage-assessment",
             object_id=assessment.pk if assessment else case.pk)
    return case, assessment


def decision_get(*, actor: User, case_id: int) -> tuple[Case, Decision | None]:
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    decision = Decision.objects.filter(case=case).select_related("decided_by", "priority_theme").first()
    log_case(actor=actor, case=case, action=Action.VIEW, object_type="triage-decision",
             object_id=decision.pk if decision else case.pk)
    return case, decision


def participant_list(*, actor: User, case_id: int, include_ended: bool = True,
                     minimum: CaseAccess = CaseAccess.PARTICIPANT) -> tuple[Case, CaseAccess, list[Participant]]:
    """Participants of a case: core staff and the case's own participants may see who takes part."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=max(minimum, CaseAccess.PARTICIPANT))
    qs = (Participant.objects.filter(case=case).select_related("organisation", "user")
          .prefetch_related("triage_events__by").order_by("organisation__name", "user_id", "started_at"))
    if not include_ended or level < CaseAccess.CORE:
        qs = qs.filter(ended_at__isnull=True)
    participants = list(qs)
    log_case(actor=actor, case=case, action=Action.VIEW, object_type="participant-list")
    return case, level, participants


def local_criteria(house_id: int) -> QuerySet[LocalCriterion]:
    return LocalCriterion.objects.filter(house_id=house_id, active=True).order_by("id")


def theme_choices(case: Case) -> list[tuple[int, str]]:
    """The priority themes an intake may be marked with (its house's region, the year it was filed)."""
    from opencasus.access.governance import triage_themes
    from opencasus.triage.services.decision import intake_year

    return [(t.pk, t.name) for t in triage_themes(house_id=case.house_id, year=intake_year(case))]


def meeting_types(house_id: int) -> QuerySet[MeetingType]:
    return MeetingType.objects.filter(house_id=house_id, active=True).order_by("name")


def partner_organisations(house: House) -> list[tuple[Organisation, bool]]:
    """The house's partner organisations, each with whether its privacy covenant is in force."""
    in_force = set(organisations_with_covenant(house))
    partnerships = Partnership.objects.filter(house=house).select_related("organisation")
    return sorted(((p.organisation, p.organisation_id in in_force) for p in partnerships),
                  key=lambda pair: pair[0].name)


def eligible_professionals(house: House) -> list[tuple[int, int, str]]:
    """(user id, organisation id, label) for every active partner professional of a covenant organisation."""
    from opencasus.accounts.models import User

    organisations = organisations_with_covenant(house)
    memberships = partner_memberships(house, set(organisations))
    users = {u.pk: u for u in User.objects.filter(pk__in=memberships)}
    rows = [
        (user_id, organisation_id,
         f"{users[user_id].get_full_name() or users[user_id].get_username()} ({organisations[organisation_id].name})")
        for user_id, organisation_ids in memberships.items() for organisation_id in organisation_ids
    ]
    return sorted(rows, key=lambda r: r[2])


def case_decision(case: Case) -> Decision | None:
    """The triage decision of a case the caller has opened through the access policy."""
    return Decision.objects.filter(case=case).select_related("decided_by").first()
