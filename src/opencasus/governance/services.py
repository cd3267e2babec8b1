"""Writes of the strategic agenda and the meeting records. Each service is atomic; a stale version is a
conflict. Themes, meetings, decisions and actions hold no personal data of case subjects (house
configuration, like the approaches): only linking an escalation touches a case and is logged for it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import governance as access
from opencasus.access import roles
from opencasus.cases.services import case_subjects
from opencasus.core.unset import UNSET, Unset, given
from opencasus.governance import workflow
from opencasus.governance.models import (
    DiscussedEscalation,
    GovernanceMeeting,
    ItemKind,
    MeetingAction,
    MeetingItem,
    MeetingLevel,
    PriorityTheme,
)
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import House, Region

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MIN_YEAR, MAX_YEAR = 2000, 2100


def conflict() -> ValidationError:
    return ValidationError(_("Someone else changed this in the meantime. Reload the page and try again."),
                           code="conflict")


def _check_version(current: int, expected: int | None, *, required: bool = True) -> None:
    if expected is None:
        if required:
            raise ValidationError(_("Send the version number you read."), code="version_required")
        return
    if current != expected:
        raise conflict()


def _required(errors: dict[str, list[str]], name: str, value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        errors.setdefault(name, []).append(message)
    return value


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


# --- The strategic agenda -------------------------------------------------------------------------------------

def _check_theme_name(errors: dict[str, list[str]], *, region_id: int, year: int, name: str,
                      exclude: int | None = None) -> None:
    others = PriorityTheme.objects.filter(region_id=region_id, year=year, name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    if name and others.exists():
        errors.setdefault("name", []).append(_("The agenda of this year already has a theme with this name."))


@transaction.atomic
def theme_create(*, actor: User, region_id: int, year: int, name: str, aims: str) -> PriorityTheme:
    if not Region.objects.filter(pk=region_id).exists():
        raise Http404
    access.require_agenda(actor, region_id, edit=True)
    errors: dict[str, list[str]] = {}
    if not MIN_YEAR <= year <= MAX_YEAR:
        errors.setdefault("year", []).append(_("Give a year between %(low)s and %(high)s.") % {
            "low": MIN_YEAR, "high": MAX_YEAR})
    name = _required(errors, "name", name, _("Name the theme."))
    aims = _required(errors, "aims", aims, _("State the aims of the theme."))
    _check_theme_name(errors, region_id=region_id, year=year, name=name)
    _raise(errors)
    return PriorityTheme.objects.create(region_id=region_id, year=year, name=name, aims=aims, updated_by=actor)


@transaction.atomic
def theme_update(*, actor: User, theme_id: int, expected_version: int | None, name: str | Unset = UNSET,
                 aims: str | Unset = UNSET) -> PriorityTheme:
    theme = access.visible_themes(actor=actor).select_for_update().filter(pk=theme_id).first()
    if theme is None:
        raise Http404
    access.require_agenda(actor, theme.region_id, edit=True)
    _check_version(theme.version, expected_version)
    errors: dict[str, list[str]] = {}
    new_name = _required(errors, "name", given(name, theme.name), _("Name the theme."))
    new_aims = _required(errors, "aims", given(aims, theme.aims), _("State the aims of the theme."))
    _check_theme_name(errors, region_id=theme.region_id, year=theme.year, name=new_name, exclude=theme.pk)
    _raise(errors)
    theme.name, theme.aims = new_name, new_aims
    theme.updated_at, theme.updated_by, theme.version = timezone.now(), actor, theme.version + 1
    theme.save()
    return theme


# --- Meetings ---------------------------------------------------------------------------------------------

@transaction.atomic
def meeting_create(*, actor: User, level: str, house_id: int | None, date: dt.date, title: str) -> GovernanceMeeting:
    """A tactical meeting belongs to a house; a strategic one to the region of the house named."""
    errors: dict[str, list[str]] = {}
    if level not in MeetingLevel.values:
        errors.setdefault("level", []).append(_("Choose the level of the meeting."))
    house = House.objects.filter(pk=house_id).first() if house_id is not None else None
    if house is None or (level in MeetingLevel.values and not access.may_create_meeting(actor, level=level,
                                                                                          house=house)):
        errors.setdefault("house", []).append(_("Choose a house for which you record meetings of this level."))
    title = _required(errors, "title", title, _("Give the meeting a title."))
    _raise(errors)
    assert house is not None
    return GovernanceMeeting.objects.create(
        region_id=house.region_id, house=house if level == MeetingLevel.TACTICAL else None, level=level,
        date=date, title=title, created_by=actor)


def _editable_meeting(actor: User, meeting_id: int) -> GovernanceMeeting:
    meeting = access.visible_meetings(actor=actor).select_for_update().filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    access.require_meeting_edit(actor, meeting)
    return meeting


def _meeting_theme(errors: dict[str, list[str]], meeting: GovernanceMeeting, theme_id: int | None) -> int | None:
    if theme_id is None:
        return None
    if not PriorityTheme.objects.filter(pk=theme_id, region_id=meeting.region_id, year=meeting.date.year).exists():
        errors.setdefault("theme", []).append(_("Choose a priority theme of the region's agenda of the "
                                                "meeting's year."))
    return theme_id


@transaction.atomic
def item_add(*, actor: User, meeting_id: int, kind: str, text: str, theme_id: int | None = None) -> MeetingItem:
    """An agenda item or a decision of the meeting."""
    meeting = _editable_meeting(actor, meeting_id)
    errors: dict[str, list[str]] = {}
    if kind not in ItemKind.values:
        errors.setdefault("kind", []).append(_("Choose an agenda item or a decision."))
    text = _required(errors, "text", text, _("Write the agenda item or the decision."))
    theme_id = _meeting_theme(errors, meeting, theme_id)
    _raise(errors)
    return MeetingItem.objects.create(meeting=meeting, kind=kind, text=text, theme_id=theme_id, created_by=actor)


@transaction.atomic
def action_add(*, actor: User, meeting_id: int, description: str, owner_id: int | None, deadline: dt.date | None,
               decision_id: int | None = None) -> MeetingAction:
    meeting = _editable_meeting(actor, meeting_id)
    errors: dict[str, list[str]] = {}
    description = _required(errors, "description", description, _("Describe the action."))
    if owner_id is None or not access.owner_candidates(meeting).filter(pk=owner_id).exists():
        errors.setdefault("owner", []).append(_("Choose an owner who works in one of the meeting's houses."))
    if deadline is None:
        errors.setdefault("deadline", []).append(_("Give the deadline of the action."))
    elif deadline < meeting.date:
        errors.setdefault("deadline", []).append(_("The deadline cannot be before the meeting."))
    if decision_id is not None and not MeetingItem.objects.filter(pk=decision_id, meeting=meeting,
                                                                  kind=ItemKind.DECISION).exists():
        errors.setdefault("decision", []).append(_("Choose a decision of this meeting."))
    _raise(errors)
    assert deadline is not None
    assert owner_id is not None
    return MeetingAction.objects.create(meeting=meeting, decision_id=decision_id, description=description,
                                        owner_id=owner_id, deadline=deadline, updated_by=actor)


@transaction.atomic
def action_set_status(*, actor: User, action_id: int, status: str,
                      expected_version: int | None = None) -> MeetingAction:
    """Move an action along `governance.workflow` (the owner: progress and done; the editors: every change)."""
    visible = access.visible_meetings(actor=actor).values("pk")
    action = (MeetingAction.objects.select_for_update().select_related("meeting")
              .filter(pk=action_id, meeting_id__in=visible).first())
    if action is None:
        raise Http404
    _check_version(action.version, expected_version, required=False)
    movers = access.action_movers(actor, action)
    if status not in workflow.ACTION_TRANSITIONS.statuses:
        raise ValidationError({"status": [_("Choose a status.")]})
    workflow.ACTION_TRANSITIONS.check(action.status, status)
    if not workflow.may_move(action.status, status, movers):
        raise ValidationError(_("You may not make this change to the action."), code="invalid_transition")
    action.status, action.updated_at, action.updated_by = status, timezone.now(), actor
    action.version += 1
    action.save()
    return action


@transaction.atomic
def escalation_link(*, actor: User, meeting_id: int, escalation_id: int | None) -> DiscussedEscalation:
    """Record that an escalation of the meeting's houses, at a level the meeting discusses, was discussed.
    Logged for the case (metadata of its escalation), without the case's content."""
    meeting = _editable_meeting(actor, meeting_id)
    escalation = access.linkable_escalations(meeting).select_related("case").filter(pk=escalation_id).first() \
        if escalation_id is not None else None
    if escalation is None:
        raise ValidationError({"escalation": [_("Choose an escalation of the meeting's houses that reached its "
                                                "level.")]})
    if DiscussedEscalation.objects.filter(meeting=meeting, escalation=escalation).exists():
        raise ValidationError({"escalation": [_("This escalation is already on the record of the meeting.")]})
    link = DiscussedEscalation.objects.create(meeting=meeting, escalation=escalation, added_by=actor)
    case = escalation.case
    record_processing(action=Action.CREATE, activity_code=ActivityCode.ACTION_PLAN,
                      purpose=case.purpose or case.requested_purpose, who=roles.who(actor, case.house_id),
                      house_id=case.house_id, data_subjects=case_subjects(case), object_type="governance-escalation",
                      object_id=link.pk, case_id=case.pk)
    return link
