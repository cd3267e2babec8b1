"""Who sees and edits the strategic agenda and the records of tactical and strategic meetings. Built on
`opencasus.access.roles`; hidden = 404, like a missing record.

- **Strategic agenda** (priority themes of a region and year): the steering-group members and the house managers
  of any house in the region edit it (the regional steering group sets it; the house manager carries it into the
  house); core staff of the region's houses read it (they mark intakes at triage with a theme).
- **Tactical meeting** (one house): its house manager records it; the house's core staff and the steering-group
  members of the region read it.
- **Strategic meeting** (the region's steering group): steering-group members and house managers of a house in the
  region record it; core staff of the region's houses read it.
- The **owner of an action** reads the meeting of the action and reports its progress (`governance.workflow`).
- **Escalations discussed**: the editors link escalations of the meeting's houses that reached its level
  (tactical: tactical or strategic; strategic: strategic). The record shows everyone only the non-personal
  summary (level, status, date raised, house, the partner organisation that does not deliver); the case
  reference and the link to the escalation only to whoever may see the escalation's content (core staff of the
  case's house, `access.escalations.sees_content`). The reason and the response are never part of the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from opencasus.access import roles
from opencasus.access.escalations import sees_content
from opencasus.governance.models import GovernanceMeeting, MeetingAction, MeetingLevel, Mover, PriorityTheme
from opencasus.network.models import CORE_STAFF_ROLES, House, Membership, Region, Role
from opencasus.plans.models import Escalation
from opencasus.plans.vocabulary import EscalationLevel

if TYPE_CHECKING:
    from opencasus.accounts.models import User

AGENDA_EDIT_ROLES = (Role.STEERING_GROUP_MEMBER, Role.HOUSE_MANAGER)
AGENDA_READ_ROLES = (*AGENDA_EDIT_ROLES, *CORE_STAFF_ROLES)
TACTICAL_EDIT_ROLES = (Role.HOUSE_MANAGER,)
TACTICAL_READ_ROLES = (*TACTICAL_EDIT_ROLES, *CORE_STAFF_ROLES)
STRATEGIC_EDIT_ROLES = AGENDA_EDIT_ROLES
STRATEGIC_READ_ROLES = AGENDA_READ_ROLES

# The escalation levels a meeting of each level discusses.
ESCALATION_LEVELS: dict[str, tuple[str, ...]] = {
    MeetingLevel.TACTICAL: (EscalationLevel.TACTICAL, EscalationLevel.STRATEGIC),
    MeetingLevel.STRATEGIC: (EscalationLevel.STRATEGIC,),
}


def _region_ids(actor: User, *role_names: str) -> set[int]:
    house_ids = roles.house_ids_with_role(actor, *role_names)
    return set(House.objects.filter(pk__in=house_ids).values_list("region_id", flat=True)) if house_ids else set()


# --- The strategic agenda ---------------------------------------------------------------------------------

def agenda_region_ids(actor: User) -> set[int]:
    """Regions whose strategic agenda the actor reads."""
    return _region_ids(actor, *AGENDA_READ_ROLES)


def agenda_edit_region_ids(actor: User) -> set[int]:
    return _region_ids(actor, *AGENDA_EDIT_ROLES)


def sees_governance(actor: User) -> bool:
    """Whether the actor has the steering pages at all (a menu link)."""
    return bool(roles.house_ids_with_role(actor, *AGENDA_READ_ROLES)) or \
        MeetingAction.objects.filter(owner_id=actor.pk).exists()


def agenda_regions(actor: User) -> QuerySet[Region]:
    return Region.objects.filter(pk__in=agenda_region_ids(actor))


def require_agenda(actor: User, region_id: int, *, edit: bool = False) -> None:
    """404 for a region whose agenda the actor may not read; 403 for a change by a reader who may not edit."""
    if region_id not in agenda_region_ids(actor):
        raise Http404
    if edit and region_id not in agenda_edit_region_ids(actor):
        raise PermissionDenied


def visible_themes(*, actor: User) -> QuerySet[PriorityTheme]:
    return PriorityTheme.objects.filter(region_id__in=agenda_region_ids(actor))


def may_edit_theme(actor: User, theme: PriorityTheme) -> bool:
    return theme.region_id in agenda_edit_region_ids(actor)


def triage_themes(*, house_id: int, year: int) -> QuerySet[PriorityTheme]:
    """The themes an intake of the house filed in `year` may be marked with: its region's, of that year."""
    return PriorityTheme.objects.filter(region__houses__pk=house_id, year=year).order_by("name")


# --- Meetings -----------------------------------------------------------------------------------------------

def visible_meetings(*, actor: User) -> QuerySet[GovernanceMeeting]:
    tactical = roles.house_ids_with_role(actor, *TACTICAL_READ_ROLES)
    steering_regions = _region_ids(actor, Role.STEERING_GROUP_MEMBER)
    strategic = _region_ids(actor, *STRATEGIC_READ_ROLES)
    owned = MeetingAction.objects.filter(owner_id=actor.pk).values("meeting_id")
    return GovernanceMeeting.objects.filter(
        Q(level=MeetingLevel.TACTICAL, house_id__in=tactical)
        | Q(level=MeetingLevel.TACTICAL, region_id__in=steering_regions)
        | Q(level=MeetingLevel.STRATEGIC, region_id__in=strategic)
        | Q(pk__in=owned))


def may_edit_meeting(actor: User, meeting: GovernanceMeeting) -> bool:
    if meeting.level == MeetingLevel.TACTICAL:
        return meeting.house_id is not None and roles.has_role(actor, meeting.house_id, *TACTICAL_EDIT_ROLES)
    return meeting.region_id in _region_ids(actor, *STRATEGIC_EDIT_ROLES)


def require_meeting_edit(actor: User, meeting: GovernanceMeeting) -> None:
    """403 for a reader of the meeting who may not record it (the caller found it visible first)."""
    if not may_edit_meeting(actor, meeting):
        raise PermissionDenied


def meeting_houses(*, actor: User, level: str) -> QuerySet[House]:
    """The houses for which the actor may record a meeting of `level` (strategic: a house of each region)."""
    if level == MeetingLevel.TACTICAL:
        return House.objects.filter(pk__in=roles.house_ids_with_role(actor, *TACTICAL_EDIT_ROLES))
    return House.objects.filter(region_id__in=_region_ids(actor, *STRATEGIC_EDIT_ROLES))


def may_create_meeting(actor: User, *, level: str, house: House) -> bool:
    if level == MeetingLevel.TACTICAL:
        return roles.has_role(actor, house.pk, *TACTICAL_EDIT_ROLES)
    return house.region_id in _region_ids(actor, *STRATEGIC_EDIT_ROLES)


def meeting_house_ids(meeting: GovernanceMeeting) -> list[int]:
    """The houses a meeting is about: its house (tactical) or every house of its region (strategic)."""
    if meeting.level == MeetingLevel.TACTICAL and meeting.house_id is not None:
        return [meeting.house_id]
    return list(House.objects.filter(region_id=meeting.region_id).order_by("pk").values_list("pk", flat=True))


def owner_candidates(meeting: GovernanceMeeting) -> QuerySet[User]:
    """Who may own an action of the meeting: anyone with an active role in one of the meeting's houses."""
    from opencasus.accounts.models import User

    user_ids = Membership.objects.active().filter(house_id__in=meeting_house_ids(meeting)).values("user_id")
    return User.objects.filter(pk__in=user_ids, is_active=True).order_by("last_name", "first_name", "username")


def action_movers(actor: User, action: MeetingAction) -> set[Mover]:
    movers: set[Mover] = set()
    if action.owner_id == actor.pk:
        movers.add(Mover.OWNER)
    if may_edit_meeting(actor, action.meeting):
        movers.add(Mover.EDITOR)
    return movers


def linkable_escalations(meeting: GovernanceMeeting) -> QuerySet[Escalation]:
    """Escalations of the meeting's houses at the levels it discusses (the caller checked the editor)."""
    return Escalation.objects.filter(case__house_id__in=meeting_house_ids(meeting),
                                     level__in=ESCALATION_LEVELS[meeting.level])


def shows_escalation_case(actor: User, escalation: Escalation) -> bool:
    """Whether the record shows this reader the case reference of an escalation discussed (see above)."""
    return sees_content(actor, escalation)
