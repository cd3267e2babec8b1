"""Reads for case conferences. Who sees what is decided in `opencasus.access.meetings`; hidden = 404."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import meetings as access
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.meetings.models import AgendaItem, Decision, Invitation, Meeting, Minutes, SelfReport
from opencasus.network.models import MeetingType, Membership


def meeting_list(*, actor: User, status: str | None = None,
                 dates: tuple[dt.date, dt.date] | None = None) -> QuerySet[Meeting]:
    """Meetings of the houses where the actor is core staff, and meetings with items that need them (`dates`:
    only those from the first to the last day, inclusive)."""
    qs = access.visible_meetings(actor=actor).select_related("meeting_type", "house", "chair", "secretary")
    if status:
        qs = qs.filter(status=status)
    if dates is not None:
        qs = qs.filter(date__range=dates)
    return qs


def upcoming_own_items(*, actor: User, today: dt.date) -> list[AgendaItem]:
    """For an invitee: their own agenda items in meetings from `today` on, in the order of the meetings."""
    return list(access.own_agenda_items(actor=actor)
                .filter(meeting__date__gte=today)
                .select_related("meeting", "meeting__meeting_type", "meeting__house", "case")
                .order_by("meeting__date", "meeting__start_time", "position"))


def meeting_get(*, actor: User, meeting_id: int, core: bool = False, for_update: bool = False) -> Meeting:
    """One meeting; with `core`, only for core staff of its house. 404 otherwise."""
    qs = Meeting.objects.select_related("meeting_type", "house", "chair", "secretary")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    return access.meeting_check(actor=actor, meeting=qs.filter(pk=meeting_id).first(), core=core)


def agenda_items(*, actor: User, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items of a meeting the actor may see: all for core staff, their own for an invitee."""
    qs = access.visible_agenda_items(actor=actor, meeting=meeting)
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
    if minutes is None or access.may_read_minutes(actor=actor, item=item, minutes=minutes):
        return minutes
    return None


def minutes_decisions(record: Minutes | None) -> list[Decision]:
    """The decisions of minutes the reader was given (`minutes_for`), with their owners."""
    return list(record.decisions.select_related("owner_organisation", "owner_user")) if record else []


def decision_check(*, actor: User, item: AgendaItem, decision_id: int) -> None:
    """404 unless the decision belongs to the minutes of `item` that the actor reads."""
    record = minutes_for(actor=actor, item=item)
    if record is None or not record.decisions.filter(pk=decision_id).exists():
        raise Http404


def invitations(*, actor: User, meeting: Meeting) -> QuerySet[Invitation]:
    return access.visible_invitations(actor=actor, meeting=meeting).select_related("user")


def admitted_cases(*, actor: User, meeting: Meeting) -> QuerySet[Case]:
    """Admitted cases of the meeting's house not yet on its agenda (core staff only)."""
    if not access.is_core(actor, meeting):
        return Case.objects.none()
    return (visible_cases(actor=actor, minimum=CaseAccess.CORE)
            .filter(house_id=meeting.house_id, status="admitted")
            .exclude(agenda_items__meeting=meeting).order_by("reference"))


def self_report_list(*, actor: User, case_id: int | None = None) -> QuerySet[SelfReport]:
    """Self-reports of the houses where the actor is core staff."""
    qs = access.visible_self_reports(actor=actor).select_related("case", "meeting", "reported_by")
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
    qs = access.case_agenda_items(actor=actor, case=case, level=level)
    return list(qs.select_related("meeting", "meeting__meeting_type").order_by("meeting__date", "meeting__start_time"))
