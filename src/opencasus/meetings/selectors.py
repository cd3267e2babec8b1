"""Reads for case conferences, always through the access policy.

- Core staff (process director, secretary) of the meeting's house see the whole meeting.
- A partner professional sees a meeting only through its agenda items that need them: items whose
  case they may see as a participant (`access.policy.visible_cases`) and that name them, or name an
  organisation they take part in the case for. They see nothing of the other items, not even a
  case reference.
- Everyone else gets 404, exactly as for a meeting that does not exist.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.accounts.models import User
from opencasus.cases.models import Case, Participant
from opencasus.meetings.models import AgendaItem, Invitation, Meeting, Minutes, SelfReport
from opencasus.network.models import CORE_STAFF_ROLES, MeetingType, Membership


def core_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)


def _own_items_q(actor: User) -> Q:
    """Agenda items that need this professional (named, or through an organisation they take part for)."""
    cases = visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).values("pk")
    participations = Participant.objects.active().filter(user=actor, case_id=OuterRef(OuterRef("case_id")))
    needed_orgs = AgendaItem.organisations.through.objects.filter(
        agendaitem_id=OuterRef("pk"), organisation_id__in=participations.values("organisation_id"))
    return Q(case_id__in=cases) & (Q(professionals=actor) | Q(Exists(needed_orgs)))


def own_agenda_items(*, actor: User) -> QuerySet[AgendaItem]:
    """Across all meetings: the agenda items that need the actor (for partner professionals)."""
    if actor is None or not actor.is_authenticated:
        return AgendaItem.objects.none()
    return AgendaItem.objects.filter(pk__in=AgendaItem.objects.filter(_own_items_q(actor)).values("pk"))


def meeting_list(*, actor: User, status: str | None = None) -> QuerySet[Meeting]:
    """Meetings of the houses where the actor is core staff, and meetings with items that need them."""
    if actor is None or not actor.is_authenticated:
        return Meeting.objects.none()
    q = Q(house_id__in=core_house_ids(actor)) | Q(pk__in=own_agenda_items(actor=actor).values("meeting_id"))
    qs = Meeting.objects.filter(q).select_related("meeting_type", "house", "chair", "secretary")
    if status:
        qs = qs.filter(status=status)
    return qs


def meeting_get(*, actor: User, meeting_id: int, core: bool = False, for_update: bool = False) -> Meeting:
    """One meeting; with `core`, only for core staff of its house. 404 otherwise."""
    qs = Meeting.objects.select_related("meeting_type", "house", "chair", "secretary")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    meeting = qs.filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    if is_core(actor, meeting):
        return meeting
    if core or not own_agenda_items(actor=actor).filter(meeting=meeting).exists():
        raise Http404
    return meeting


def is_core(actor: User, meeting: Meeting) -> bool:
    return actor is not None and actor.is_authenticated and roles.is_core_staff(actor, meeting.house_id)


def agenda_items(*, actor: User, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items of a meeting the actor may see: all for core staff, their own for an invitee."""
    qs = AgendaItem.objects.filter(meeting=meeting)
    if not is_core(actor, meeting):
        qs = qs.filter(pk__in=own_agenda_items(actor=actor).filter(meeting=meeting).values("pk"))
    return (qs.select_related("case", "case__target_group")
            .prefetch_related("organisations", "professionals").order_by("position", "id"))


def agenda_item_get(*, actor: User, meeting: Meeting, item_id: int) -> AgendaItem:
    item = agenda_items(actor=actor, meeting=meeting).filter(pk=item_id).first()
    if item is None:
        raise Http404
    return item


def minutes_for(*, actor: User, item: AgendaItem) -> Minutes | None:
    """Core staff read draft and approved minutes; an invitee reads approved minutes of their own item."""
    minutes = Minutes.objects.filter(agenda_item=item).select_related("written_by", "approved_by").first()
    if minutes is None or is_core(actor, item.meeting) or minutes.status == "approved":
        return minutes
    return None


def invitations(*, actor: User, meeting: Meeting) -> QuerySet[Invitation]:
    qs = Invitation.objects.filter(meeting=meeting).select_related("user")
    return qs if is_core(actor, meeting) else qs.filter(user=actor)


def admitted_cases(*, actor: User, meeting: Meeting) -> QuerySet[Case]:
    """Admitted cases of the meeting's house not yet on its agenda (core staff only)."""
    if not is_core(actor, meeting):
        return Case.objects.none()
    return (visible_cases(actor=actor, minimum=CaseAccess.CORE)
            .filter(house_id=meeting.house_id, status="admitted")
            .exclude(agenda_items__meeting=meeting).order_by("reference"))


def self_report_list(*, actor: User, case_id: int | None = None) -> QuerySet[SelfReport]:
    """Self-reports of the houses where the actor is core staff."""
    if actor is None or not actor.is_authenticated:
        return SelfReport.objects.none()
    qs = SelfReport.objects.filter(case__house_id__in=core_house_ids(actor)).select_related(
        "case", "meeting", "reported_by")
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    return qs


def self_report_get(*, actor: User, report_id: int) -> SelfReport:
    report = self_report_list(actor=actor).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report


def meeting_type_for(*, house_id: int, meeting_type_id: int) -> MeetingType | None:
    return MeetingType.objects.filter(pk=meeting_type_id, house_id=house_id).first()


def house_member(*, house_id: int, user_id: int | None) -> User | None:
    """A user with an active membership in the house (for chair and secretary), else None."""
    if not user_id:
        return None
    return User.objects.filter(pk=user_id, memberships__in=Membership.objects.active().filter(
        house_id=house_id)).distinct().first()


def case_agenda_items(*, actor: User, case: Case, level: CaseAccess) -> list[AgendaItem]:
    """One case's agenda items the reader may see (the caller opened the case at `level`): all of them for
    core staff, the items that need them for a participant, none below."""
    if level >= CaseAccess.CORE:
        qs = AgendaItem.objects.filter(case=case)
    elif level >= CaseAccess.PARTICIPANT:
        qs = own_agenda_items(actor=actor).filter(case=case)
    else:
        return []
    return list(qs.select_related("meeting", "meeting__meeting_type").order_by("meeting__date", "meeting__start_time"))
