"""The access policy for cases: one queryset filter for lists, one object check for details.

Every page, API endpoint, export, admin view and background job that touches a case or what
hangs under it goes through here.

- Core staff (process director, secretary) of a house see all of its cases (CORE).
- A process director of another house added to a case as co-director (`transfers.CoDirector`) sees that
  one case at core level, while they are a process director of their own house. Partner professionals of
  a co-director's house may then take part in the case for organisations partnered with that house.
- A partner professional named as an active participant sees an admitted case (PARTICIPANT),
  while their membership in the house is active for the participating organisation, that
  organisation's covenant is in force, and the case is not closed longer than the house's
  read-only period.
- The professional who filed an intake sees its status and feedback (FILER), nothing more, while
  they are still a partner professional (or core staff member) of the house for the filing
  organisation.
- A partner professional whose organisation (or who by name) holds a seat at the house's triage table
  sees the intakes listed on a triage session until the decision (`opencasus.access.triage_table`), and
  one addressed by an information request the minimum needed to answer it
  (`opencasus.access.information_requests`). Neither is a case access level: both end with the decision,
  and after it only a participation admits them.
- Managers, municipality officers, steering-group members, privacy officers and functional
  administrators see no case content; other houses see nothing.

A record someone may not see raises Http404, exactly like one that does not exist.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NoReturn

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import compiled, roles
from opencasus.cases.models import Case, InformationItem, Participant
from opencasus.cases.vocabulary import SharingScope
from opencasus.cases.workflow import SHARED_STATUSES, Status
from opencasus.logbook import refusals
from opencasus.network.models import CORE_STAFF_ROLES, House, Membership, Partnership, Role
from opencasus.transfers.models import CoDirector

if TYPE_CHECKING:
    from opencasus.accounts.models import User

# The after-care coordinator files intakes for the expected releases of their municipality.
FILING_ROLES = frozenset({Role.PARTNER_PROFESSIONAL, Role.AFTERCARE_COORDINATOR, *CORE_STAFF_ROLES})


class CaseAccess(IntEnum):
    NONE = 0
    FILER = 1  # status and feedback of an intake they filed
    PARTICIPANT = 2  # what is shared with them
    CORE = 3  # core staff of the house


def _partner_read_only_days(user: Any) -> tuple[tuple[int, int], ...]:
    """(house id, read-only days after closure) of the houses where the user is a partner professional."""
    house_ids = roles.house_ids_with_role(user, Role.PARTNER_PROFESSIONAL)
    if not house_ids:
        return ()
    return tuple(House.objects.filter(pk__in=house_ids).order_by("pk")
                 .values_list("pk", "read_only_days_after_closure"))


def _participation_q(user: Any, *, now: dt.datetime, read_only_days: tuple[tuple[int, int], ...]) -> Q:
    """Cases where the user is an active, named participant with access still running."""
    today = timezone.localdate(now)
    # The case's house, or the house of one of its co-directors (cross-regional work).
    co_houses = CoDirector.objects.active().filter(case_id=OuterRef(OuterRef("case_id"))).values("house_id")
    in_houses = Q(house_id=OuterRef("case__house_id")) | Q(house_id__in=co_houses)
    memberships = Membership.objects.active(today).filter(
        in_houses, user=user, role=Role.PARTNER_PROFESSIONAL, organisation_id=OuterRef("organisation_id"))
    covenants = Partnership.objects.covenant_in_force(today).filter(
        in_houses, organisation_id=OuterRef("organisation_id"))
    participations = Participant.objects.active().filter(user=user).filter(Exists(memberships), Exists(covenants))
    case_ids = participations.values("case_id")
    # Closed cases stay readable for the house's read-only period (a house-level setting).
    read_only = Q(pk__in=[])
    for house_id, days in read_only_days:
        read_only |= Q(house_id=house_id, status=Status.CLOSED, closed_at__gt=_cutoff(now, days))
    return Q(pk__in=case_ids, status__in=SHARED_STATUSES) & (Q(status=Status.ADMITTED) | read_only)


def _cutoff(now: dt.datetime, days: int) -> dt.datetime:
    return now - dt.timedelta(days=days)


def _participates(user: Any, case: Case, now: dt.datetime) -> bool:
    """The object-level form of `_participation_q` for one case whose status and read-only period were
    checked: an active participation naming the user, for an organisation the user is a partner
    professional of in the case's house, whose covenant is in force. One query."""
    today = timezone.localdate(now)
    if today == timezone.localdate() and not roles.has_role(user, None, Role.PARTNER_PROFESSIONAL):
        return False  # the request's role grants are today's memberships: no partner role, no participation
    houses = [case.house_id, *CoDirector.objects.active().filter(case_id=case.pk).values_list("house_id", flat=True)]
    members_for = Membership.objects.active(today).filter(
        user=user, role=Role.PARTNER_PROFESSIONAL, house_id__in=houses).values("organisation_id")
    covenants = Partnership.objects.covenant_in_force(today).filter(house_id__in=houses).values("organisation_id")
    return (Participant.objects.active().filter(case_id=case.pk, user=user, organisation_id__in=members_for)
            .filter(organisation_id__in=covenants).exists())


def _read_only_cutoff_ok(case: Case, now: dt.datetime) -> bool:
    if case.status == Status.ADMITTED:
        return True
    if case.status == Status.CLOSED and case.closed_at is not None:
        return case.closed_at > now - dt.timedelta(days=case.house.read_only_days_after_closure)
    return False


def _co_director_q(user: Any, *, today: dt.date | None = None) -> Q:
    """Cases the user directs as co-director from another house, while they are a process director there."""
    memberships = Membership.objects.active(today or timezone.localdate()).filter(
        user=user, role=Role.PROCESS_DIRECTOR, house_id=OuterRef("house_id"))
    return Q(pk__in=CoDirector.objects.active().filter(user=user).filter(Exists(memberships)).values("case_id"))


def _co_directs(user: Any, case: Case) -> bool:
    return CoDirector.objects.active().filter(
        case_id=case.pk, user=user,
        house_id__in=roles.house_ids_with_role(user, Role.PROCESS_DIRECTOR) - {case.house_id}).exists()


def visible_cases(*, actor: User, minimum: CaseAccess = CaseAccess.FILER) -> QuerySet[Case]:
    """All cases the actor may see at `minimum` level or higher."""
    if actor is None or not actor.is_authenticated:
        return Case.objects.none()
    core_houses = roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)
    director = roles.has_role(actor, None, Role.PROCESS_DIRECTOR)
    partner = minimum <= CaseAccess.PARTICIPANT and roles.has_role(actor, None, Role.PARTNER_PROFESSIONAL)
    # Core staff see those houses' cases anyway.
    filer_pairs = _filer_pairs(actor, exclude_houses=core_houses) if minimum <= CaseAccess.FILER else frozenset()
    now = timezone.now()
    read_only_days = _partner_read_only_days(actor) if partner else ()

    def branches() -> list[Q]:
        found = [Q(house_id__in=core_houses)] if core_houses else []
        if director:
            found.append(_co_director_q(actor, today=timezone.localdate(now)))
        if partner:
            found.append(_participation_q(actor, now=now, read_only_days=read_only_days))
        if filer_pairs:
            found.append(_filer_q(actor, filer_pairs))
        return found

    count = bool(core_houses) + director + partner + bool(filer_pairs)
    if not count:
        return Case.objects.none()
    if count == 1 and not partner:
        return Case.objects.filter(branches()[0])

    # An OR of the branches makes PostgreSQL scan every case (an IN-subquery cannot join a bitmap OR);
    # the union of each branch's ids is found through the indexes (docs/performance.md). Its SQL is
    # compiled once per user and what decides its shape (`opencasus.access.compiled`); so is the
    # partner branch on its own (participations with memberships, covenants and co-directors), which
    # costs more to build than to run.
    def union() -> QuerySet[Any]:
        ids = [Case.objects.filter(branch).order_by().values("pk") for branch in branches()]
        return ids[0].union(*ids[1:]) if len(ids) > 1 else ids[0]

    key = (actor.pk, int(minimum), frozenset(core_houses), director, partner, filer_pairs, read_only_days,
           timezone.localdate(now))
    return Case.objects.filter(pk__in=compiled.ids_subquery(
        key, build=union, cutoffs=[_cutoff(now, days) for _house, days in read_only_days]))


def _filer_pairs(actor: User, *, exclude_houses: set[int]) -> frozenset[tuple[int, int]]:
    """(house, organisation) where the actor may still file (partner professional or core staff)."""
    return frozenset((g.house_id, g.organisation_id) for g in roles.grants(actor)
                     if g.role in FILING_ROLES and g.house_id not in exclude_houses)


def _filer_q(actor: User, pairs: frozenset[tuple[int, int]]) -> Q:
    """Intakes the actor filed, for a house and organisation they may still file for."""
    q = Q(pk__in=[])
    for house_id, organisation_id in sorted(pairs, key=lambda pair: pair):
        q |= Q(house_id=house_id, filed_by_organisation_id=organisation_id)
    return Q(filed_by=actor) & q


def case_access(*, actor: User, case: Case, now: dt.datetime | None = None) -> CaseAccess:
    """The object-level check: the actor's access level to one case."""
    if actor is None or not actor.is_authenticated:
        return CaseAccess.NONE
    if roles.is_core_staff(actor, case.house_id):
        return CaseAccess.CORE
    if roles.has_role(actor, None, Role.PROCESS_DIRECTOR) and _co_directs(actor, case):
        return CaseAccess.CORE  # a co-director from another house: core level for this one case
    now = now or timezone.now()
    if case.status in SHARED_STATUSES and _read_only_cutoff_ok(case, now) and _participates(actor, case, now):
        return CaseAccess.PARTICIPANT
    if case.filed_by_id == actor.pk and any(
            g.house_id == case.house_id and g.organisation_id == case.filed_by_organisation_id
            and g.role in FILING_ROLES for g in roles.grants(actor)):
        return CaseAccess.FILER
    return CaseAccess.NONE


def case_get(*, actor: User, case_id: int, minimum: CaseAccess = CaseAccess.FILER,
             for_update: bool = False) -> tuple[Case, CaseAccess]:
    """Fetch one case with the actor's access level; 404 when below `minimum` or missing.

    A hidden case and a missing one take the same path: the case is fetched through `visible_cases`
    (queries that do not depend on the case), so both find nothing; then the case's house is looked up
    and the refused attempt noted (`logbook.refusals`), for both alike. Only a visible case goes on to
    the object-level check."""
    qs = visible_cases(actor=actor, minimum=minimum).select_related(
        "house", "municipality", "filed_by_organisation", "target_group")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    case = qs.filter(pk=case_id).first()
    level = case_access(actor=actor, case=case) if case is not None else CaseAccess.NONE
    if case is None or level < minimum:
        refuse(actor=actor, case_id=case_id)
    return case, level


def refuse(*, actor: User, case_id: Any) -> NoReturn:
    """Note the refused attempt (the case's house, or none when there is no such case) and answer 404."""
    try:
        number = int(case_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number < 2**63:  # no case has such a number, and the record could not hold it
        raise Http404
    house_id = Case.objects.filter(pk=number).values_list("house_id", flat=True).first()
    refusals.note_refused(actor=actor, case_id=number, house_id=house_id)
    raise Http404


def participating_organisation_ids(*, actor: User, case: Case) -> set[int]:
    return set(Participant.objects.active().filter(case=case, user=actor).values_list("organisation_id", flat=True))


def visible_information_items(*, actor: User, case: Case, level: CaseAccess) -> QuerySet[InformationItem]:
    """Information items by sharing scope: core staff see all; participants what is shared with them."""
    items = InformationItem.objects.filter(case=case)
    if level >= CaseAccess.CORE:
        return items
    if level < CaseAccess.PARTICIPANT:
        return items.none()
    orgs = participating_organisation_ids(actor=actor, case=case)
    return items.filter(
        Q(organisation_id__in=orgs)
        | Q(sharing_scope=SharingScope.ALL_PARTICIPANTS)
        | Q(sharing_scope=SharingScope.NAMED_ORGANISATIONS, shared_with__in=orgs)
    ).distinct()
