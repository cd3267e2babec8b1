"""Who sees an information request before triage, and who sees its answer.

- Core staff of the house see every request and answer (CORE).
- The addressed organisation's partner professionals of the house (covenant in force) see the request and
  the intake's minimum needed to answer it: the reference and the persons asked about (ADDRESSEE), while
  the intake waits for the decision and the request is not withdrawn. They see their organisation's answer,
  nothing else of the case.
- Answers are shared with the triage table only by default (`AnswerScope.TRIAGE_TABLE`): a seat holder sees
  them with the intake (`opencasus.access.triage_table`); an answer for core staff only stays with them.

A request someone may not see answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone

from opencasus.access import roles
from opencasus.access.policy import refuse
from opencasus.access.triage_table import QUEUE_STATUSES, TableAccess, seat_organisation_ids
from opencasus.cases.models import Case
from opencasus.network.models import CORE_STAFF_ROLES, Partnership, Role
from opencasus.triage.models import AnswerScope, InformationAnswer, InformationRequest, RequestStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User


class RequestAccess(IntEnum):
    NONE = 0
    ADDRESSEE = 1  # a professional of the addressed organisation
    CORE = 2


def addressed_pairs(actor: User) -> set[tuple[int, int]]:
    """(house id, organisation id) for which the actor answers information requests today."""
    if actor is None or not actor.is_authenticated:
        return set()
    pairs = {(g.house_id, g.organisation_id) for g in roles.grants(actor) if g.role == Role.PARTNER_PROFESSIONAL}
    if not pairs:
        return set()
    covered = set(Partnership.objects.covenant_in_force(timezone.localdate())
                  .filter(house_id__in={h for h, _o in pairs}, organisation_id__in={o for _h, o in pairs})
                  .values_list("house_id", "organisation_id"))
    return pairs & covered


def _addressed_q(actor: User) -> Q | None:
    pairs = addressed_pairs(actor)
    if not pairs:
        return None
    q = Q(pk__in=[])
    for house_id, organisation_id in pairs:
        q |= Q(house_id=house_id, organisation_id=organisation_id)
    return q & Q(case__status__in=QUEUE_STATUSES) & ~Q(status=RequestStatus.WITHDRAWN)


def visible_requests(*, actor: User) -> QuerySet[InformationRequest]:
    if actor is None or not actor.is_authenticated:
        return InformationRequest.objects.none()
    core = roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)
    q = Q(house_id__in=core) if core else None
    addressed = _addressed_q(actor)
    if addressed is not None:
        q = addressed if q is None else q | addressed
    if q is None:
        return InformationRequest.objects.none()
    return InformationRequest.objects.filter(q)


def request_access(*, actor: User, request: InformationRequest) -> RequestAccess:
    if roles.is_core_staff(actor, request.house_id):
        return RequestAccess.CORE
    if (request.house_id, request.organisation_id) in addressed_pairs(actor):
        return RequestAccess.ADDRESSEE
    return RequestAccess.NONE


def request_get(*, actor: User, request_id: int,
                for_update: bool = False) -> tuple[InformationRequest, RequestAccess]:
    """One request with the actor's level; 404 otherwise (the refusal noted on the request's case)."""
    qs = visible_requests(actor=actor).select_related("case", "case__house", "organisation", "requested_by")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    found = qs.filter(pk=request_id).first()
    level = request_access(actor=actor, request=found) if found is not None else RequestAccess.NONE
    if found is None or level == RequestAccess.NONE:
        case_id = InformationRequest.objects.filter(pk=request_id).values_list("case_id", flat=True).first()
        refuse(actor=actor, case_id=case_id or 0)
    return found, level


def visible_answers(*, actor: User, case: Case, level: TableAccess) -> QuerySet[InformationAnswer]:
    """The answers on an intake the actor opened at the triage table: core staff all; a seat holder those
    shared with the table and their own organisation's."""
    answers = InformationAnswer.objects.filter(request__case=case)
    if level >= TableAccess.CORE:
        return answers
    if level < TableAccess.MEMBER:
        return answers.none()
    own = seat_organisation_ids(actor, case.house_id)
    return answers.filter(Q(sharing_scope=AnswerScope.TRIAGE_TABLE) | Q(organisation_id__in=own))
