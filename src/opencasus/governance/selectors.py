"""Reads of the strategic agenda and the meeting records, through `opencasus.access.governance`.

Only the escalations discussed touch case records: `meeting_escalations` shows their non-personal summary and
logs the read, one record per house without a data subject (metadata, as the escalation overview)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from opencasus.access import governance as access
from opencasus.access import roles
from opencasus.governance import workflow
from opencasus.governance.models import (
    DiscussedEscalation,
    GovernanceMeeting,
    ItemKind,
    MeetingAction,
    MeetingItem,
    PriorityTheme,
)
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing_many
from opencasus.network.models import House, Region
from opencasus.plans.models import Escalation

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def regions(*, actor: User) -> QuerySet[Region]:
    return access.agenda_regions(actor).order_by("number")


def edit_region_ids(*, actor: User) -> set[int]:
    return access.agenda_edit_region_ids(actor)


def theme_list(*, actor: User, region_id: int | None = None, year: int | None = None) -> QuerySet[PriorityTheme]:
    themes = access.visible_themes(actor=actor).select_related("region")
    if region_id is not None:
        themes = themes.filter(region_id=region_id)
    if year is not None:
        themes = themes.filter(year=year)
    return themes.order_by("region__number", "-year", "name")


def theme_get(*, actor: User, theme_id: int) -> PriorityTheme:
    theme = access.visible_themes(actor=actor).select_related("region", "updated_by").filter(pk=theme_id).first()
    if theme is None:
        raise Http404
    return theme


def may_edit_theme(*, actor: User, theme: PriorityTheme) -> bool:
    return access.may_edit_theme(actor, theme)


def meeting_list(*, actor: User, level: str | None = None, region_id: int | None = None,
                 year: int | None = None) -> QuerySet[GovernanceMeeting]:
    meetings = access.visible_meetings(actor=actor).select_related("region", "house")
    if level:
        meetings = meetings.filter(level=level)
    if region_id is not None:
        meetings = meetings.filter(region_id=region_id)
    if year is not None:
        meetings = meetings.filter(date__year=year)
    return meetings.order_by("-date", "-id")


def meeting_get(*, actor: User, meeting_id: int) -> GovernanceMeeting:
    meeting = access.visible_meetings(actor=actor).select_related("region", "house").filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


def may_edit_meeting(*, actor: User, meeting: GovernanceMeeting) -> bool:
    return access.may_edit_meeting(actor, meeting)


def meeting_houses(*, actor: User, level: str) -> QuerySet[House]:
    return access.meeting_houses(actor=actor, level=level).order_by("name")


def meeting_items(meeting: GovernanceMeeting, kind: str) -> list[MeetingItem]:
    return list(meeting.items.filter(kind=kind).select_related("theme").order_by("id"))


def meeting_actions(meeting: GovernanceMeeting) -> list[MeetingAction]:
    return list(meeting.actions.select_related("owner", "decision").order_by("deadline", "id"))


def meeting_themes(meeting: GovernanceMeeting) -> QuerySet[PriorityTheme]:
    """The themes an item of the meeting may be about: the region's agenda of the meeting's year."""
    return PriorityTheme.objects.filter(region_id=meeting.region_id, year=meeting.date.year).order_by("name")


def meeting_decisions(meeting: GovernanceMeeting) -> QuerySet[MeetingItem]:
    return meeting.items.filter(kind=ItemKind.DECISION).order_by("id")


def owner_choices(meeting: GovernanceMeeting) -> list[tuple[int, str]]:
    return [(u.pk, u.get_full_name() or u.username) for u in access.owner_candidates(meeting)]


@dataclass(frozen=True)
class EscalationSummary:
    """What a meeting record shows of an escalation discussed: nothing about persons or the case's content."""

    id: int
    escalation_id: int
    level: str
    level_label: str
    status: str
    status_label: str
    raised_on: dt.date
    house: str
    organisation: str
    case_reference: str  # only for whoever may see the escalation's content, else ""
    url: str  # idem


def _summary(actor: User, link: DiscussedEscalation) -> EscalationSummary:
    escalation = link.escalation
    shown = access.shows_escalation_case(actor, escalation)
    return EscalationSummary(
        id=link.pk, escalation_id=escalation.pk, level=escalation.level,
        level_label=escalation.get_level_display(), status=escalation.status,
        status_label=escalation.get_status_display(), raised_on=timezone.localdate(escalation.raised_at),
        house=escalation.case.house.name, organisation=escalation.organisation.name,
        case_reference=escalation.case.reference if shown else "",
        url=reverse("plans:escalation", args=[escalation.pk]) if shown else "")


def meeting_escalations(*, actor: User, meeting: GovernanceMeeting) -> list[EscalationSummary]:
    """The escalations discussed, as summaries; the read is logged once per house, without a data subject."""
    links = list(meeting.escalations.select_related("escalation__case__house", "escalation__organisation")
                 .order_by("id"))
    summaries = [_summary(actor, link) for link in links]
    house_ids = sorted({link.escalation.case.house_id for link in links})
    if house_ids:
        record_processing_many([Processing(
            action=Action.VIEW, activity_code=ActivityCode.ACTION_PLAN, purpose=purposes.GOVERNANCE_ESCALATIONS,
            who=roles.who(actor, house_id), house_id=house_id, object_type="governance-meeting",
            object_id=meeting.pk) for house_id in house_ids])
    return summaries


def escalation_choices(*, actor: User, meeting: GovernanceMeeting) -> list[tuple[int, str]]:
    """The escalations an editor may link (the form's choices): a non-personal label, no case reference."""
    if not access.may_edit_meeting(actor, meeting):
        return []
    linked = meeting.escalations.values("escalation_id")
    choices: QuerySet[Escalation] = (access.linkable_escalations(meeting).exclude(pk__in=linked)
                                     .select_related("case__house", "organisation").order_by("-raised_at", "-id"))
    return [(e.pk, escalation_label(e)) for e in choices[:200]]


def escalation_label(escalation: Escalation) -> str:
    from django.utils.translation import gettext as _

    from opencasus.core.dates import long_date

    return _("%(level)s escalation of %(date)s, %(house)s, partner %(organisation)s (%(status)s)") % {
        "level": escalation.get_level_display(), "date": long_date(timezone.localdate(escalation.raised_at)),
        "house": escalation.case.house.name, "organisation": escalation.organisation.name,
        "status": escalation.get_status_display()}


def action_get(*, actor: User, action_id: int) -> MeetingAction:
    action = (MeetingAction.objects.select_related("meeting", "owner", "meeting__region", "meeting__house")
              .filter(pk=action_id, meeting_id__in=access.visible_meetings(actor=actor).values("pk")).first())
    if action is None:
        raise Http404
    return action


def action_targets(*, actor: User, action: MeetingAction) -> list[str]:
    return workflow.targets(action.status, access.action_movers(actor, action))


def action_list(*, actor: User, mine: bool = False, overdue: bool = False) -> QuerySet[MeetingAction]:
    actions = MeetingAction.objects.filter(meeting_id__in=access.visible_meetings(actor=actor).values("pk")) \
        .select_related("meeting", "owner")
    if mine:
        actions = actions.filter(owner_id=actor.pk)
    if overdue:
        actions = overdue_filter(actions)
    return actions.order_by("deadline", "id")


def overdue_filter(actions: QuerySet[MeetingAction], today: dt.date | None = None) -> QuerySet[MeetingAction]:
    return actions.filter(status__in=workflow.ACTIVE_STATUSES, deadline__lt=today or timezone.localdate())


def is_overdue(action: MeetingAction, today: dt.date | None = None) -> bool:
    return action.status in workflow.ACTIVE_STATUSES and action.deadline < (today or timezone.localdate())


def overdue_actions_check(*, actor: User) -> QuerySet[MeetingAction]:
    """The actor's own overdue actions (the start page; no personal data, so no record)."""
    return overdue_filter(MeetingAction.objects.filter(owner_id=actor.pk)).select_related("meeting") \
        .order_by("deadline", "id")
