"""The triage table with its partners: standing members, triage sessions and the members' contributions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities, roles
from opencasus.access import triage_table as table
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.versions import version_missing
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.network.models import House, MeetingType
from opencasus.triage.models import (
    SESSION_TRANSITIONS,
    Contribution,
    SessionItem,
    SessionStatus,
    StandingMember,
    TriageSession,
)
from opencasus.triage.services.common import (
    ACTIVITY,
    conflict,
    log_case,
    organisations_with_covenant,
    partner_memberships,
)

if TYPE_CHECKING:
    from opencasus.accounts.models import User

TABLE_PURPOSE = purposes.TRIAGE_TABLE
OPEN_SESSION_STATUSES = frozenset({SessionStatus.PLANNED, SessionStatus.HELD})


def _log_house(*, actor: User, house_id: int, action: Action | str, object_type: str, object_id: int) -> None:
    """A write at the table that concerns no person of a case (the table's composition, the minutes)."""
    record_processing(action=action, activity_code=ACTIVITY, purpose=TABLE_PURPOSE, who=roles.who(actor, house_id),
                      house_id=house_id, object_type=object_type, object_id=object_id)


def clean_life_domains(codes: list[str], field: str, errors: dict[str, list[str]], *,
                       required: bool = True) -> list[str]:
    chosen = list(dict.fromkeys(codes))
    unknown = [c for c in chosen if c not in LifeDomain.values]
    if unknown:
        errors.setdefault(field, []).append(_("Unknown life domain: %(code)s.") % {"code": ", ".join(unknown)})
    elif required and not chosen:
        errors.setdefault(field, []).append(_("Choose the life domains it concerns."))
    return chosen


# Standing members ------------------------------------------------------------------------------------------

@transaction.atomic
def standing_member_add(*, actor: User, house_id: int, organisation_id: int, user_id: int | None = None,
                        meeting_type_id: int | None = None) -> StandingMember:
    """Give an organisation (or one named professional of it) a seat at the triage table, or with a meeting
    type at that conference type. For the process director and the house manager of the house."""
    if house_id not in table.standing_member_managers(actor):
        raise Http404
    errors: dict[str, list[str]] = {}
    house = House.objects.get(pk=house_id)
    allowed = organisations_with_covenant(house)
    if organisation_id not in allowed:
        errors.setdefault("organisation", []).append(
            _("This organisation has no privacy covenant in force with this house; it cannot sit at the table."))
    if user_id is not None and organisation_id in allowed:
        members = partner_memberships(house, {organisation_id})
        if organisation_id not in members.get(user_id, set()):
            errors.setdefault("user", []).append(
                _("This person is not an active partner professional of that organisation in this house."))
    if meeting_type_id is not None and not MeetingType.objects.filter(
            pk=meeting_type_id, house_id=house_id, active=True).exists():
        errors.setdefault("meeting_type", []).append(_("Choose one of this house's meeting types."))
    same_seat = Q(user__isnull=True) if user_id is None else Q(user_id=user_id)
    same_seat &= Q(meeting_type__isnull=True) if meeting_type_id is None else Q(meeting_type_id=meeting_type_id)
    if not errors and StandingMember.objects.filter(same_seat, house_id=house_id, organisation_id=organisation_id,
                                                    ended_at__isnull=True).exists():
        errors.setdefault("organisation", []).append(_("This standing member already has this seat."))
    if errors:
        raise ValidationError(errors)
    member = StandingMember.objects.create(house_id=house_id, organisation_id=organisation_id, user_id=user_id,
                                           meeting_type_id=meeting_type_id, started_by=actor)
    _log_house(actor=actor, house_id=house_id, action=Action.CREATE, object_type="triage-standing-member",
               object_id=member.pk)
    return member


@transaction.atomic
def standing_member_end(*, actor: User, member_id: int, reason: str) -> StandingMember:
    """End a seat; the access it gave ends with it."""
    member = (StandingMember.objects.select_for_update()
              .filter(pk=member_id, house_id__in=table.standing_member_managers(actor)).first())
    if member is None:
        raise Http404
    if member.ended_at is not None:
        raise ValidationError(_("This seat has already ended."), code="invalid_transition")
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why this seat ends.")]})
    member.ended_at, member.ended_by, member.end_reason = timezone.now(), actor, reason.strip()
    member.save(update_fields=["ended_at", "ended_by", "end_reason"])
    _log_house(actor=actor, house_id=member.house_id, action=Action.UPDATE, object_type="triage-standing-member",
               object_id=member.pk)
    return member


# Sessions --------------------------------------------------------------------------------------------------

def _core_session(actor: User, session_id: int) -> TriageSession:
    session, level = table.session_get(actor=actor, session_id=session_id, for_update=True)
    if level < table.TableAccess.CORE:
        raise PermissionDenied(_("Only the process director and the secretary change a triage session."))
    return session


@transaction.atomic
def session_create(*, actor: User, house_id: int, date: dt.date) -> TriageSession:
    if not capacities.is_core_staff(actor, house_id):
        raise Http404
    if TriageSession.objects.filter(house_id=house_id, date=date).exclude(status=SessionStatus.CANCELLED).exists():
        raise ValidationError({"date": [_("There is already a triage session of this house on that date.")]})
    session = TriageSession.objects.create(house_id=house_id, date=date, created_by=actor)
    _log_house(actor=actor, house_id=house_id, action=Action.CREATE, object_type="triage-session", object_id=session.pk)
    return session


@transaction.atomic
def session_add_intakes(*, actor: User, session_id: int, case_ids: list[int]) -> list[SessionItem]:
    """Put intakes of the house's queue on the session's list (those already on it are left as they are)."""
    session = _core_session(actor, session_id)
    if session.status not in OPEN_SESSION_STATUSES:
        raise ValidationError(_("Intakes can only be added to a planned or held session."), code="invalid_transition")
    if not case_ids:
        raise ValidationError({"cases": [_("Choose at least one intake.")]})
    queue = {c.pk: c for c in table.table_cases(actor=actor).filter(house_id=session.house_id, pk__in=case_ids)}
    missing = [str(pk) for pk in case_ids if pk not in queue]
    if missing:
        raise ValidationError({"cases": [_("Only intakes waiting in this house's triage queue can be put on the "
                                           "list.")]})
    present = set(session.items.values_list("case_id", flat=True))
    position = session.items.count()
    created = []
    for pk in dict.fromkeys(case_ids):
        if pk in present:
            continue
        position += 1
        item = SessionItem.objects.create(session=session, case=queue[pk], position=position, added_by=actor)
        created.append(item)
        log_case(actor=actor, case=queue[pk], action=Action.CREATE, object_type="triage-session-item",
                 object_id=item.pk)
    return created


@transaction.atomic
def session_remove_intake(*, actor: User, session_id: int, case_id: int) -> None:
    session = _core_session(actor, session_id)
    if session.status not in OPEN_SESSION_STATUSES:
        raise ValidationError(_("The list of a finished session no longer changes."), code="invalid_transition")
    item = session.items.select_related("case").filter(case_id=case_id).first()
    if item is None:
        raise Http404
    log_case(actor=actor, case=item.case, action=Action.DELETE, object_type="triage-session-item", object_id=item.pk)
    item.delete()


@transaction.atomic
def session_minutes_save(*, actor: User, session_id: int, minutes: str, expected_version: int | None = None,
                         version_required: bool = False) -> TriageSession:
    """The secretary's short minutes of the session (the decisions themselves are recorded per intake)."""
    session = _core_session(actor, session_id)
    if expected_version is None and version_required:
        raise version_missing()
    if expected_version is not None and expected_version != session.version:
        raise conflict()
    if session.status not in OPEN_SESSION_STATUSES:
        raise ValidationError(_("The minutes of this session are final."), code="invalid_transition")
    session.minutes, session.minutes_by, session.minutes_at = minutes.strip(), actor, timezone.now()
    session.version += 1
    session.save(update_fields=["minutes", "minutes_by", "minutes_at", "version"])
    _log_house(actor=actor, house_id=session.house_id, action=Action.UPDATE, object_type="triage-session-minutes",
               object_id=session.pk)
    return session


@transaction.atomic
def session_transition(*, actor: User, session_id: int, to_status: str,
                       expected_version: int | None = None) -> TriageSession:
    """Held, minutes final or cancelled, along `SESSION_TRANSITIONS`."""
    session = _core_session(actor, session_id)
    if expected_version is not None and expected_version != session.version:
        raise conflict()
    if to_status not in SessionStatus.values:
        raise ValidationError({"status": [_("Choose a valid status.")]})
    SESSION_TRANSITIONS.check(session.status, to_status)
    if to_status == SessionStatus.CLOSED and not session.minutes.strip():
        raise ValidationError({"minutes": [_("Write the minutes before making them final.")]})
    session.status = to_status
    session.version += 1
    session.save(update_fields=["status", "version"])
    _log_house(actor=actor, house_id=session.house_id, action=Action.UPDATE, object_type="triage-session",
               object_id=session.pk)
    return session


# Contributions ---------------------------------------------------------------------------------------------

@transaction.atomic
def contribution_add(*, actor: User, case_id: int, text: str, life_domains: list[str],
                     organisation_id: int | None = None) -> Contribution:
    """A standing member's (or core staff's) contribution on an intake at the triage table."""
    case, level = table.table_case_get(actor=actor, case_id=case_id)
    if level >= table.TableAccess.CORE:
        own = capacities.core_staff_organisation_ids(actor, case.house_id)
    else:
        own = table.seat_organisation_ids(actor, case.house_id)
    errors: dict[str, list[str]] = {}
    if organisation_id is None and len(own) == 1:
        organisation_id = next(iter(own))
    if organisation_id not in own:
        errors.setdefault("organisation", []).append(_("Choose the organisation you contribute for."))
    if not text.strip():
        errors.setdefault("text", []).append(_("Write your contribution."))
    domains = clean_life_domains(life_domains, "life_domains", errors)
    if errors:
        raise ValidationError(errors)
    assert organisation_id is not None
    contribution = Contribution.objects.create(case=case, organisation_id=organisation_id, author=actor,
                                               text=text.strip(), life_domains=domains)
    log_case(actor=actor, case=case, action=Action.CREATE, object_type="triage-contribution",
             object_id=contribution.pk)
    return contribution
