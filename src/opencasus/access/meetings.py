"""Who sees which case conference. Built on `opencasus.access.roles` and `opencasus.access.policy`; hidden = 404.

- Core staff (process director, secretary) of the meeting's house see the whole meeting: every agenda item,
  draft and approved minutes, every invitation, the house's self-reports.
- A partner professional sees a meeting only through its agenda items that need them: items whose
  case they may see as a participant (`policy.visible_cases`) and that name them, or name an
  organisation they take part in the case for. They see nothing of the other items, not even a
  case reference; of their own items only approved minutes, of the invitations only their own.
- Everyone else gets 404, exactly as for a meeting that does not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.cases.models import Case, Participant
from opencasus.meetings.models import AgendaItem, Invitation, Meeting, Minutes, SelfReport
from opencasus.network.models import Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def core_house_ids(actor: User) -> set[int]:
    return roles.core_house_ids(actor)


def is_core(actor: User, meeting: Meeting) -> bool:
    return actor is not None and actor.is_authenticated and roles.is_core_staff(actor, meeting.house_id)


def _needs_actor_q(actor: User) -> Q:
    """Agenda items that name this professional, or an organisation they take part in the item's case for."""
    participations = Participant.objects.active().filter(user=actor, case_id=OuterRef(OuterRef("case_id")))
    needed_orgs = AgendaItem.organisations.through.objects.filter(
        agendaitem_id=OuterRef("pk"), organisation_id__in=participations.values("organisation_id"))
    return Q(professionals=actor) | Q(Exists(needed_orgs))


def _own_items_q(actor: User) -> Q:
    """Agenda items that need this professional, of cases they may see as a participant."""
    cases = visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).values("pk")
    return Q(case_id__in=cases) & _needs_actor_q(actor)


def own_agenda_items(*, actor: User) -> QuerySet[AgendaItem]:
    """Across all meetings: the agenda items that need the actor (for partner professionals)."""
    if actor is None or not actor.is_authenticated:
        return AgendaItem.objects.none()
    return AgendaItem.objects.filter(pk__in=AgendaItem.objects.filter(_own_items_q(actor)).values("pk"))


def visible_meetings(*, actor: User) -> QuerySet[Meeting]:
    """Meetings of the houses where the actor is core staff, and meetings with items that need them."""
    if actor is None or not actor.is_authenticated:
        return Meeting.objects.none()
    return Meeting.objects.filter(
        Q(house_id__in=core_house_ids(actor)) | Q(pk__in=own_agenda_items(actor=actor).values("meeting_id")))


def meeting_check(*, actor: User, meeting: Meeting | None, core: bool = False) -> Meeting:
    """The meeting if the actor may see it (with `core`: only as core staff of its house); 404 otherwise,
    as for a missing one."""
    if meeting is None:
        raise Http404
    if is_core(actor, meeting):
        return meeting
    if core or not own_agenda_items(actor=actor).filter(meeting=meeting).exists():
        raise Http404
    return meeting


def visible_agenda_items(*, actor: User, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items of a meeting the actor may see: all for core staff, their own for an invitee."""
    qs = AgendaItem.objects.filter(meeting=meeting)
    if not is_core(actor, meeting):
        qs = qs.filter(pk__in=own_agenda_items(actor=actor).filter(meeting=meeting).values("pk"))
    return qs


def may_read_minutes(*, actor: User, item: AgendaItem, minutes: Minutes) -> bool:
    """Core staff read draft and approved minutes; an invitee reads approved minutes of their own item."""
    return is_core(actor, item.meeting) or minutes.status == "approved"


def visible_invitations(*, actor: User, meeting: Meeting) -> QuerySet[Invitation]:
    qs = Invitation.objects.filter(meeting=meeting)
    return qs if is_core(actor, meeting) else qs.filter(user=actor)


def visible_self_reports(*, actor: User) -> QuerySet[SelfReport]:
    """Self-reports of the houses where the actor is core staff."""
    if actor is None or not actor.is_authenticated:
        return SelfReport.objects.none()
    return SelfReport.objects.filter(case__house_id__in=core_house_ids(actor))


def case_agenda_items(*, actor: User, case: Case, level: CaseAccess) -> QuerySet[AgendaItem]:
    """One case's agenda items the reader may see (the caller opened the case at `level`): all of them for
    core staff, the items that need them for a participant, none below."""
    if level >= CaseAccess.CORE:
        return AgendaItem.objects.filter(case=case)
    if level >= CaseAccess.PARTICIPANT:  # the case condition of `own_agenda_items` holds: the caller checked it
        return AgendaItem.objects.filter(
            pk__in=AgendaItem.objects.filter(Q(case=case) & _needs_actor_q(actor)).values("pk"))
    return AgendaItem.objects.none()


def may_approve_minutes(actor: User, meeting: Meeting) -> bool:
    """The meeting's chair approves; without a chair, a process director of the house."""
    if meeting.chair_id is not None:
        return bool(actor.pk == meeting.chair_id)
    return roles.has_role(actor, meeting.house_id, Role.PROCESS_DIRECTOR)


def may_correct_decisions(actor: User, house_id: int) -> bool:
    """A process director of the house corrects the deadline of a decision in approved minutes."""
    return roles.has_role(actor, house_id, Role.PROCESS_DIRECTOR)
