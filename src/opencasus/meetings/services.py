"""Writes for meetings and their agendas. Each service is atomic and logs its processing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from opencasus.access import capacities
from opencasus.access.policy import CaseAccess, case_get
from opencasus.accounts.models import User
from opencasus.cases.models import Participant
from opencasus.cases.workflow import Status
from opencasus.core.unset import UNSET, Unset, given
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.meetings import optimiser
from opencasus.meetings.models import AgendaItem, Meeting, MeetingStatus
from opencasus.meetings.processing import log_case, log_cases, log_without_subject
from opencasus.meetings.selectors import meeting_get
from opencasus.meetings.workflow import MEETING_TRANSITIONS
from opencasus.network.models import CORE_STAFF_ROLES, MeetingType, Membership, Organisation


@dataclass(frozen=True)
class MeetingChanges:
    """A change of a planned meeting: the fields given; the others stay UNSET and keep their value."""

    meeting_type: MeetingType | Unset = UNSET
    date: dt.date | Unset = UNSET
    start_time: dt.time | Unset = UNSET
    location: str | Unset = UNSET
    video_link: str | Unset = UNSET
    chair: User | Unset | None = UNSET
    secretary: User | Unset | None = UNSET


def _conflict() -> ValidationError:
    return ValidationError(_("This meeting was changed by someone else in the meantime. Reload and try again."),
                           code="conflict")


def _check_planned(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be changed."), code="not_planned")


def _validate_fields(house_id: int, *, meeting_type: MeetingType | None, location: str, video_link: str,
                     chair: User | None, secretary: User | None) -> None:
    errors: dict[str, str] = {}
    if meeting_type is not None and (meeting_type.house_id != house_id or not meeting_type.active):
        errors["meeting_type"] = _("Choose a meeting type of this house.")
    core = Membership.objects.active().filter(house_id=house_id, role__in=CORE_STAFF_ROLES)
    if chair is not None and not core.filter(user=chair).exists():
        errors["chair"] = _("The chair must be core staff of this house.")
    if secretary is not None and not core.filter(user=secretary).exists():
        errors["secretary"] = _("The secretary must be core staff of this house.")
    if not location and not video_link:
        errors["location"] = _("Give a place or a video link.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_create(*, actor: User, house_id: int, meeting_type: MeetingType, date: dt.date, start_time: dt.time,
                   location: str = "", video_link: str = "", chair: User | None = None,
                   secretary: User | None = None) -> Meeting:
    if not capacities.is_core_staff(actor, house_id):
        raise Http404
    _validate_fields(house_id, meeting_type=meeting_type, location=location, video_link=video_link, chair=chair,
                     secretary=secretary)
    meeting = Meeting.objects.create(house_id=house_id, created_by=actor, meeting_type=meeting_type, date=date,
                                     start_time=start_time, location=location, video_link=video_link, chair=chair,
                                     secretary=secretary)
    log_without_subject(actor=actor, house_id=house_id, action=Action.CREATE, object_type="meeting",
                        object_id=meeting.pk, purpose=purposes.MEETING_PLANNING)
    return meeting


@transaction.atomic
def meeting_update(*, actor: User, meeting_id: int, changes: MeetingChanges,
                   expected_version: int | None = None) -> Meeting:
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    if expected_version is not None and expected_version != meeting.version:
        raise _conflict()
    _check_planned(meeting)
    meeting_type = given(changes.meeting_type, meeting.meeting_type)
    location = given(changes.location, meeting.location)
    video_link = given(changes.video_link, meeting.video_link)
    chair = given(changes.chair, meeting.chair)
    secretary = given(changes.secretary, meeting.secretary)
    _validate_fields(meeting.house_id, meeting_type=meeting_type, location=location, video_link=video_link,
                     chair=chair, secretary=secretary)
    meeting.meeting_type, meeting.location, meeting.video_link = meeting_type, location, video_link
    meeting.chair, meeting.secretary = chair, secretary
    meeting.date = given(changes.date, meeting.date)
    meeting.start_time = given(changes.start_time, meeting.start_time)
    meeting.version += 1
    meeting.save()
    log_without_subject(actor=actor, house_id=meeting.house_id, action=Action.UPDATE, object_type="meeting",
                        object_id=meeting.pk, purpose=purposes.MEETING_PLANNING)
    return meeting


@transaction.atomic
def meeting_set_status(*, actor: User, meeting_id: int, status: str) -> Meeting:
    """Mark a planned meeting held or cancelled. Cancelling sends cancellations to all invitees."""
    from opencasus.meetings.invitations import invitations_cancel_all

    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    if status not in MeetingStatus.values or not MEETING_TRANSITIONS.allowed(meeting.status, status):
        raise ValidationError(_("Only a planned meeting can be marked held or cancelled."),
                              code="invalid_transition")
    meeting.status = status
    meeting.version += 1
    meeting.save(update_fields=["status", "version"])
    log_without_subject(actor=actor, house_id=meeting.house_id, action=Action.UPDATE, object_type="meeting",
                        object_id=meeting.pk, purpose=purposes.MEETING_PLANNING)
    if status == MeetingStatus.CANCELLED:
        invitations_cancel_all(actor=actor, meeting=meeting)
    return meeting


def _renumber(meeting: Meeting, ordered: Sequence[AgendaItem]) -> None:
    at = 0
    for position, item in enumerate(ordered):
        if item.position != position or item.start_offset != at:
            item.position, item.start_offset = position, at
            item.save(update_fields=["position", "start_offset"])
        at += item.minutes


def _ordered_items(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(meeting=meeting).select_related("case", "case__target_group")
                .prefetch_related("organisations", "professionals").order_by("position", "id"))


def _set_needed(item: AgendaItem, organisation_ids: Iterable[int] | None,
                professional_ids: Iterable[int] | None) -> None:
    """The participants an item needs: by default every active participant of the case."""
    active = Participant.objects.active().filter(case_id=item.case_id)
    allowed_orgs = set(active.values_list("organisation_id", flat=True))
    allowed_users = set(active.exclude(user=None).values_list("user_id", flat=True))
    orgs = allowed_orgs if organisation_ids is None else set(organisation_ids)
    users = allowed_users if professional_ids is None else set(professional_ids)
    errors = {}
    if not orgs <= allowed_orgs:
        errors["organisations"] = _("Only organisations that take part in the case can be invited.")
    if not users <= allowed_users:
        errors["professionals"] = _("Only professionals named as participants of the case can be invited.")
    if errors:
        raise ValidationError(errors)
    item.organisations.set(Organisation.objects.filter(pk__in=orgs))
    item.professionals.set(User.objects.filter(pk__in=users))


@transaction.atomic
def agenda_item_add(*, actor: User, meeting_id: int, case_id: int, minutes: int | None = None,
                    organisation_ids: Iterable[int] | None = None,
                    professional_ids: Iterable[int] | None = None) -> AgendaItem:
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _check_planned(meeting)
    try:
        case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    except Http404:
        raise ValidationError({"case": _("Choose an admitted case of this house.")}) from None
    if case.house_id != meeting.house_id or case.status != Status.ADMITTED:
        raise ValidationError({"case": _("Choose an admitted case of this house.")})
    minutes = minutes or meeting.meeting_type.default_slot_minutes
    if not 5 <= minutes <= 240:
        raise ValidationError({"minutes": _("A slot takes between 5 and 240 minutes.")})
    items = _ordered_items(meeting)
    try:
        with transaction.atomic():
            item = AgendaItem.objects.create(meeting=meeting, case=case, minutes=minutes, position=len(items))
    except IntegrityError:
        raise ValidationError({"case": _("This case is already on the agenda.")}) from None
    _set_needed(item, organisation_ids, professional_ids)
    _renumber(meeting, [*items, item])
    _touch(meeting)
    log_case(actor=actor, case=case, action=Action.CREATE, object_type="agenda-item", object_id=item.pk)
    return item


def _touch(meeting: Meeting) -> None:
    meeting.version += 1
    meeting.save(update_fields=["version"])


@transaction.atomic
def agenda_item_update(*, actor: User, meeting_id: int, item_id: int, minutes: int | None = None,
                       organisation_ids: Iterable[int] | None = None,
                       professional_ids: Iterable[int] | None = None) -> AgendaItem:
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _check_planned(meeting)
    item = AgendaItem.objects.filter(meeting=meeting, pk=item_id).select_related("case").first()
    if item is None:
        raise Http404
    if minutes is not None:
        if not 5 <= minutes <= 240:
            raise ValidationError({"minutes": _("A slot takes between 5 and 240 minutes.")})
        item.minutes = minutes
        item.save(update_fields=["minutes"])
    if organisation_ids is not None or professional_ids is not None:
        current_orgs = list(item.organisations.values_list("pk", flat=True))
        current_users = list(item.professionals.values_list("pk", flat=True))
        _set_needed(item, current_orgs if organisation_ids is None else organisation_ids,
                    current_users if professional_ids is None else professional_ids)
    _renumber(meeting, _ordered_items(meeting))
    _touch(meeting)
    log_case(actor=actor, case=item.case, action=Action.UPDATE, object_type="agenda-item", object_id=item.pk)
    return item


@transaction.atomic
def agenda_item_remove(*, actor: User, meeting_id: int, item_id: int) -> None:
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _check_planned(meeting)
    item = AgendaItem.objects.filter(meeting=meeting, pk=item_id).select_related("case").first()
    if item is None:
        raise Http404
    log_case(actor=actor, case=item.case, action=Action.DELETE, object_type="agenda-item", object_id=item.pk)
    item.delete()
    _renumber(meeting, _ordered_items(meeting))
    _touch(meeting)


def _log_reorder(actor: User, meeting: Meeting, items: Sequence[AgendaItem]) -> None:
    log_cases(actor=actor, cases=[i.case for i in items], action=Action.UPDATE, object_type="agenda",
              object_id=meeting.pk)


@transaction.atomic
def agenda_reorder(*, actor: User, meeting_id: int, item_ids: Sequence[int]) -> list[AgendaItem]:
    """Put the items in the given order (every item of the meeting exactly once)."""
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _check_planned(meeting)
    items = {item.pk: item for item in _ordered_items(meeting)}
    if sorted(item_ids) != sorted(items) or len(set(item_ids)) != len(item_ids):
        raise ValidationError({"order": _("Give every agenda item of this meeting exactly once.")})
    ordered = [items[pk] for pk in item_ids]
    _renumber(meeting, ordered)
    _touch(meeting)
    _log_reorder(actor, meeting, ordered)
    return ordered


@transaction.atomic
def agenda_item_move(*, actor: User, meeting_id: int, item_id: int, step: int) -> list[AgendaItem]:
    """Move one item up (step -1) or down (step +1), for the reorder buttons."""
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _check_planned(meeting)
    items = _ordered_items(meeting)
    index = next((i for i, item in enumerate(items) if item.pk == item_id), None)
    if index is None:
        raise Http404
    target = max(0, min(len(items) - 1, index + step))
    items.insert(target, items.pop(index))
    _renumber(meeting, items)
    _touch(meeting)
    _log_reorder(actor, meeting, items)
    return items


def optimiser_items(items: Sequence[AgendaItem]) -> list[optimiser.Item]:
    """Attendees of an item: its named professionals, and each needed organisation none of them represents."""
    result = []
    for item in items:
        attendees: set[Any] = {("user", user.pk) for user in item.professionals.all()}
        named_orgs = set(Participant.objects.active().filter(
            case_id=item.case_id, user__in=item.professionals.all()).values_list("organisation_id", flat=True))
        attendees |= {("organisation", org.pk) for org in item.organisations.all() if org.pk not in named_orgs}
        group = item.case.target_group.name if item.case.target_group else ""
        result.append(optimiser.Item(key=item.pk, minutes=item.minutes, attendees=frozenset(attendees),
                                     group=group, sort_key=item.case.reference))
    return result


@transaction.atomic
def agenda_optimise(*, actor: User, meeting_id: int) -> optimiser.Comparison:
    """Order the agenda by the optimiser and return the figures against the target-group ordering."""
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    _check_planned(meeting)
    items = _ordered_items(meeting)
    by_pk = {item.pk: item for item in items}
    before = optimiser.evaluate(optimiser_items(items))
    best = optimiser.optimise(optimiser_items(items), seed=optimiser.DEFAULT_SEED + meeting.pk)
    ordered = [by_pk[cast(int, entry.key)] for entry in best]
    _renumber(meeting, ordered)
    _touch(meeting)
    _log_reorder(actor, meeting, ordered)
    comparison = optimiser.compare(best)
    return optimiser.Comparison(comparison.current, comparison.target_group, before)
