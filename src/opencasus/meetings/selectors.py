"""Reads for case conferences. Who sees what is decided in `opencasus.access.meetings`; hidden = 404."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import meetings as access
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.meetings.models import AgendaItem, Decision, Invitation, Meeting, Minutes, SelfReport
from opencasus.meetings.processing import log_case, log_cases, log_without_subject
from opencasus.network.models import MeetingType, Membership

# Reads of personal data are logged here (docs/development.md): a selector that reads logs in the same call;
# a read the page only shows on a GET (a form page that also posts) is logged by its `record_<x>_view`.


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


def record_meeting_list_view(*, actor: User, meetings: Iterable[Meeting]) -> None:
    """One record per house of the meetings shown, without a data subject (the list shows no persons)."""
    for house_id in sorted({m.house_id for m in meetings}):
        log_without_subject(actor=actor, house_id=house_id, action=Action.VIEW, object_type="meeting-list",
                            object_id="", purpose=purposes.MEETING_LIST)


def my_meetings_view(*, actor: User, today: dt.date) -> list[AgendaItem]:
    """`upcoming_own_items`, logged as the invitee's "my meetings" page."""
    items = upcoming_own_items(actor=actor, today=today)
    log_cases(actor=actor, cases=[item.case for item in items], action=Action.VIEW, object_type="my-meetings",
              object_id="")
    return items


def meeting_get(*, actor: User, meeting_id: int, core: bool = False, for_update: bool = False) -> Meeting:
    """One meeting; with `core`, only for core staff of its house. 404 otherwise."""
    qs = Meeting.objects.select_related("meeting_type", "house", "chair", "secretary")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    return access.meeting_check(actor=actor, meeting=qs.filter(pk=meeting_id).first(), core=core)


def meeting_view(*, actor: User, meeting_id: int) -> Meeting:
    """One meeting, logged (without a data subject: a meeting shows no persons)."""
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    log_without_subject(actor=actor, house_id=meeting.house_id, action=Action.VIEW, object_type="meeting",
                        object_id=meeting.pk, purpose=purposes.MEETING_LIST)
    return meeting


def agenda_items(*, actor: User, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items of a meeting the actor may see: all for core staff, their own for an invitee."""
    qs = access.visible_agenda_items(actor=actor, meeting=meeting)
    return (qs.select_related("case", "case__target_group")
            .prefetch_related("organisations", "professionals").order_by("position", "id"))


def agenda_view(*, actor: User, meeting: Meeting) -> list[AgendaItem]:
    """The agenda items the actor may see (`agenda_items`), logged per person of each case shown."""
    items = list(agenda_items(actor=actor, meeting=meeting))
    log_cases(actor=actor, cases=[item.case for item in items], action=Action.VIEW, object_type="agenda",
              object_id=meeting.pk)
    return items


def agenda_item_view(*, actor: User, meeting: Meeting, item_id: int) -> AgendaItem:
    """One agenda item (`agenda_item_get`), logged per person of its case."""
    item = agenda_item_get(actor=actor, meeting=meeting, item_id=item_id)
    log_case(actor=actor, case=item.case, action=Action.VIEW, object_type="agenda-item", object_id=item.pk)
    return item


def record_agenda_item_view(*, actor: User, item: AgendaItem) -> None:
    """The item's page shown (on a GET; its form also posts)."""
    log_cases(actor=actor, cases=[item.case], action=Action.VIEW, object_type="agenda-item", object_id=item.pk)


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


def record_minutes_view(*, actor: User, item: AgendaItem, minutes: Minutes | None) -> None:
    """The minutes of `item` shown (`minutes_for`; on a GET): one record per person of its case."""
    log_case(actor=actor, case=item.case, action=Action.VIEW, object_type="minutes",
             object_id=minutes.pk if minutes else item.pk)


def minutes_decisions(record: Minutes | None) -> list[Decision]:
    """The decisions of minutes the reader was given (`minutes_for`), with their owners."""
    return list(record.decisions.select_related("owner_organisation", "owner_user")
                .prefetch_related("confirmations")) if record else []


def decision_check(*, actor: User, item: AgendaItem, decision_id: int) -> None:
    """404 unless the decision belongs to the minutes of `item` that the actor reads."""
    record = minutes_for(actor=actor, item=item)
    if record is None or not record.decisions.filter(pk=decision_id).exists():
        raise Http404


def invitations(*, actor: User, meeting: Meeting) -> QuerySet[Invitation]:
    return access.visible_invitations(actor=actor, meeting=meeting).select_related("user")


def record_attendance_view(*, actor: User, meeting: Meeting, purpose: str) -> None:
    """The invitees and their attendance shown (on a GET), without a data subject."""
    log_without_subject(actor=actor, house_id=meeting.house_id, action=Action.VIEW, object_type="attendance",
                        object_id=meeting.pk, purpose=purpose)


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


def self_reports_view(*, actor: User, case_id: int | None = None) -> list[SelfReport]:
    """`self_report_list`, logged per person of each case shown."""
    reports = list(self_report_list(actor=actor, case_id=case_id))
    cases = {r.case_id: r.case for r in reports}
    log_cases(actor=actor, cases=cases.values(), action=Action.VIEW, object_type="self-report", object_id="")
    return reports


def self_report_view(*, actor: User, report_id: int) -> SelfReport:
    """One self-report (`self_report_get`), logged per person of its case."""
    report = self_report_get(actor=actor, report_id=report_id)
    log_case(actor=actor, case=report.case, action=Action.VIEW, object_type="self-report", object_id=report.pk)
    return report


def record_self_report_view(*, actor: User, item: AgendaItem) -> None:
    """The self-report page of an agenda item shown (on a GET; its form also posts)."""
    log_case(actor=actor, case=item.case, action=Action.VIEW, object_type="self-report", object_id=item.pk)


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
