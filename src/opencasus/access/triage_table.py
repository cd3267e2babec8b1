"""Who sits at the triage table (weegoverleg) and what that lets them see.

- Core staff (process director, secretary) of a house see every intake in its queue, every session and
  everything brought to the table (CORE).
- A partner professional holds a seat at a house's triage table while a standing member of that table
  names their organisation (or them by name), they are an active partner professional of the house for
  that organisation and its privacy covenant is in force. They see the sessions of the house and the
  intakes on a session's list while these wait for the decision (MEMBER): the intake, the contributions
  and the answers shared with the table. With the decision their access to the intake ends; an admitted
  case admits them only as a participant (`opencasus.access.policy`).
- A seat at a conference type (a standing member with a meeting type) gives no access of its own.

A record someone may not see answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import roles
from opencasus.access.policy import refuse
from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.network.models import CORE_STAFF_ROLES, Partnership, Role
from opencasus.triage.models import SessionItem, SessionStatus, StandingMember, TriageSession

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# The intakes of a triage queue: waiting, or assessed and waiting for the decision.
QUEUE_STATUSES = (Status.SUBMITTED, Status.IN_TRIAGE)


class TableAccess(IntEnum):
    NONE = 0
    MEMBER = 1  # a seat at the triage table
    CORE = 2  # core staff of the house


def seats(actor: User) -> set[tuple[int, int]]:
    """(house id, organisation id) for every seat the actor holds at a triage table today."""
    if actor is None or not actor.is_authenticated:
        return set()
    pairs = {(g.house_id, g.organisation_id) for g in roles.grants(actor) if g.role == Role.PARTNER_PROFESSIONAL}
    if not pairs:
        return set()
    house_ids = {h for h, _o in pairs}
    organisation_ids = {o for _h, o in pairs}
    covered = set(Partnership.objects.covenant_in_force(timezone.localdate())
                  .filter(house_id__in=house_ids, organisation_id__in=organisation_ids)
                  .values_list("house_id", "organisation_id"))
    seated = set(StandingMember.objects.filter(
        ended_at__isnull=True, meeting_type__isnull=True, house_id__in=house_ids, organisation_id__in=organisation_ids)
        .filter(Q(user__isnull=True) | Q(user=actor)).values_list("house_id", "organisation_id"))
    return pairs & covered & seated


def seat_house_ids(actor: User) -> set[int]:
    return {house_id for house_id, _o in seats(actor)}


def seat_organisation_ids(actor: User, house_id: int) -> set[int]:
    """The organisations for which the actor sits at the triage table of one house."""
    return {organisation_id for h, organisation_id in seats(actor) if h == house_id}


def table_house_ids(actor: User) -> set[int]:
    """Houses whose triage table the actor sees: core staff and seat holders."""
    return roles.house_ids_with_role(actor, *CORE_STAFF_ROLES) | seat_house_ids(actor)


def level_in_house(actor: User, house_id: int) -> TableAccess:
    if roles.is_core_staff(actor, house_id):
        return TableAccess.CORE
    if house_id in seat_house_ids(actor):
        return TableAccess.MEMBER
    return TableAccess.NONE


def listed_case_ids(house_ids: set[int]) -> QuerySet[SessionItem, Any]:
    """The cases on the list of a (not cancelled) session of these houses, as a subquery."""
    return (SessionItem.objects.filter(session__house_id__in=house_ids)
            .exclude(session__status=SessionStatus.CANCELLED).values("case_id"))


def table_cases(*, actor: User) -> QuerySet[Case]:
    """Intakes the actor sees at the triage table: core staff the whole queue of their houses, a seat holder
    the undecided intakes on a session's list of the house."""
    if actor is None or not actor.is_authenticated:
        return Case.objects.none()
    core = roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)
    member = seat_house_ids(actor) - core
    if not core and not member:
        return Case.objects.none()
    q = Q(house_id__in=core)
    if member:
        q |= Q(house_id__in=member, pk__in=listed_case_ids(member))
    return Case.objects.filter(q, status__in=QUEUE_STATUSES)


def table_case_get(*, actor: User, case_id: int, for_update: bool = False) -> tuple[Case, TableAccess]:
    """One intake at the triage table with the actor's level; 404 (and a noted refusal) otherwise."""
    qs = table_cases(actor=actor).select_related("house", "filed_by_organisation", "municipality")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    case = qs.filter(pk=case_id).first()
    if case is None:
        refuse(actor=actor, case_id=case_id)
    return case, level_in_house(actor, case.house_id)


def table_sessions(*, actor: User) -> QuerySet[TriageSession]:
    """The triage sessions of the houses whose table the actor sees."""
    return TriageSession.objects.filter(house_id__in=table_house_ids(actor))


def session_get(*, actor: User, session_id: int, for_update: bool = False) -> tuple[TriageSession, TableAccess]:
    qs = table_sessions(actor=actor).select_related("house", "minutes_by")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    session = qs.filter(pk=session_id).first()
    if session is None:
        raise Http404
    return session, level_in_house(actor, session.house_id)


def standing_member_managers(actor: User) -> set[int]:
    """Houses where the actor manages the standing members: process director or house manager."""
    return roles.house_ids_with_role(actor, Role.PROCESS_DIRECTOR, Role.HOUSE_MANAGER)
