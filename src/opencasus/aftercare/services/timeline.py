"""The timeline of a case with an expected release date: created, moved with the release date, and its items
(owners, deadlines, statuses, the warm hand-over) kept up to date by core staff of the house."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import aftercare as access
from opencasus.access.policy import CaseAccess, case_get
from opencasus.aftercare.models import AftercareSettings, Timeline, TimelineItem
from opencasus.aftercare.services._common import check_version, log_case
from opencasus.aftercare.vocabulary import (
    BASIC_CONDITIONS,
    DEFAULT_CHECK_WEEKS,
    DEFAULT_DAYS_BEFORE,
    ItemKind,
    ItemStatus,
)
from opencasus.cases.models import Case
from opencasus.core.text import LONG_TEXT_MAX_LENGTH
from opencasus.core.unset import UNSET, Unset
from opencasus.logbook.models import Action
from opencasus.network.models import Membership, Organisation, OrganisationType, Partnership, Role
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify

if TYPE_CHECKING:
    from opencasus.accounts.models import User

EARLIEST_RELEASE = dt.date(2000, 1, 1)
MAX_YEARS_AHEAD = 5


def offsets(house_id: int) -> tuple[dict[str, int], int]:
    """Days before release per basic condition, and weeks after release for the check (house or default)."""
    cfg = AftercareSettings.objects.filter(house_id=house_id).first()
    if cfg is None:
        return {str(k): v for k, v in DEFAULT_DAYS_BEFORE.items()}, DEFAULT_CHECK_WEEKS
    return ({ItemKind.IDENTITY: cfg.identity_days, ItemKind.INCOME: cfg.income_days,
             ItemKind.HOUSING: cfg.housing_days, ItemKind.CARE: cfg.care_days, ItemKind.DEBTS: cfg.debts_days},
            cfg.check_weeks)


def deadlines(*, house_id: int, release_date: dt.date) -> dict[str, dt.date]:
    days, weeks = offsets(house_id)
    result = {str(kind): release_date - dt.timedelta(days=days[kind]) for kind in BASIC_CONDITIONS}
    result[ItemKind.HANDOVER] = release_date
    result[ItemKind.AFTER_CHECK] = release_date + dt.timedelta(weeks=weeks)
    return result


def check_release_date(release_date: dt.date | None, *, field: str = "release_date") -> dt.date:
    if release_date is None:
        raise ValidationError({field: _("Fill in the expected release date.")}, code="required")
    latest = timezone.localdate() + dt.timedelta(days=366 * MAX_YEARS_AHEAD)
    if not EARLIEST_RELEASE <= release_date <= latest:
        raise ValidationError({field: _("The release date lies too far in the past or the future.")},
                              code="invalid")
    return release_date


def _municipality_organisation(case: Case) -> Organisation | None:
    """The municipality of the case, as a partner organisation of the house: the default owner of the basic
    conditions (the municipality arranges them)."""
    partners = Partnership.objects.filter(house_id=case.house_id).values("organisation_id")
    return (Organisation.objects.filter(pk__in=partners, type=OrganisationType.MUNICIPALITY,
                                        municipality_id=case.municipality_id).order_by("pk").first())


def _prison_organisation(case: Case) -> Organisation | None:
    """The prison service (DJI) among the house's partners: the default owner of the warm hand-over."""
    partners = Partnership.objects.filter(house_id=case.house_id).values("organisation_id")
    return Organisation.objects.filter(pk__in=partners, type=OrganisationType.DJI).order_by("pk").first()


def create_timeline(*, actor: User | None, case: Case) -> Timeline | None:
    """The timeline of a case with a release date in a house running after-care (in the caller's transaction).
    Nothing when the case has no release date, the house does not run after-care or it exists already."""
    if case.release_date is None or not access.running(case.house_id):
        return None
    existing = Timeline.objects.filter(case=case).first()
    if existing is not None:
        return existing
    timeline = Timeline.objects.create(case=case, house_id=case.house_id, release_date=case.release_date)
    municipality_org, prison = _municipality_organisation(case), _prison_organisation(case)
    owners = {str(kind): municipality_org for kind in BASIC_CONDITIONS}
    owners[ItemKind.HANDOVER] = prison
    owners[ItemKind.AFTER_CHECK] = municipality_org
    TimelineItem.objects.bulk_create([
        TimelineItem(timeline=timeline, case=case, house_id=case.house_id, kind=kind, deadline=deadline,
                     owner_organisation=owners[kind])
        for kind, deadline in deadlines(house_id=case.house_id, release_date=case.release_date).items()])
    log_case(actor=actor, case=case, action=Action.CREATE, object_type="aftercare-timeline", object_id=timeline.pk)
    return timeline


def move_release_date(*, actor: User | None, case: Case, release_date: dt.date) -> tuple[Timeline | None, int]:
    """Set the case's release date and move the open deadlines by the same number of days (done items and
    items not needed keep theirs). The case is locked by the caller. Returns the timeline and how many moved."""
    old = case.release_date
    case.release_date = release_date
    case.save(update_fields=["release_date"])
    timeline = Timeline.objects.select_for_update().filter(case=case).first()
    if timeline is None:
        return create_timeline(actor=actor, case=case), 0
    delta = release_date - (old or timeline.release_date)
    moved = 0
    if delta:
        items = list(TimelineItem.objects.select_for_update().filter(timeline=timeline, status=ItemStatus.OPEN))
        for item in items:
            item.deadline += delta
            item.version += 1
            item.reminded_on = None
        TimelineItem.objects.bulk_update(items, ["deadline", "version", "reminded_on"])
        moved = len(items)
    timeline.release_date = release_date
    timeline.version += 1
    timeline.save(update_fields=["release_date", "version"])
    log_case(actor=actor, case=case, action=Action.UPDATE, object_type="aftercare-timeline", object_id=timeline.pk)
    return timeline, moved


@transaction.atomic
def timeline_create(*, actor: User, case_id: int) -> Timeline:
    """Core staff draw up the timeline of a case that has a release date but none yet."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    access.require_running(case.house_id)
    if case.release_date is None:
        raise ValidationError({"release_date": _("Fill in the expected release date first.")}, code="required")
    timeline = create_timeline(actor=actor, case=case)
    assert timeline is not None
    return timeline


@transaction.atomic
def release_date_set(*, actor: User, case_id: int, release_date: dt.date | None,
                     expected_version: int | None = None) -> tuple[Timeline, int]:
    """Core staff record a (changed) expected release date; the open deadlines move with it."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    access.require_running(case.house_id)
    release_date = check_release_date(release_date)
    current = Timeline.objects.filter(case=case).values_list("version", flat=True).first()
    check_version(current=current or 0, expected=expected_version)
    timeline, moved = move_release_date(actor=actor, case=case, release_date=release_date)
    assert timeline is not None
    return timeline, moved


def _locked_item(*, actor: User, item_id: int) -> TimelineItem:
    item = (TimelineItem.objects.select_for_update(of=("self",)).select_related("case", "timeline")
            .filter(access.item_work_filter(actor), pk=item_id).first())
    if item is None:
        raise Http404
    return item


def _partner(house_id: int, organisation_id: int, field: str) -> Organisation:
    organisation = Organisation.objects.filter(
        pk=organisation_id, pk__in=Partnership.objects.filter(house_id=house_id).values("organisation_id")).first()
    if organisation is None:
        raise ValidationError({field: _("Choose a partner organisation of the house.")}, code="invalid")
    return organisation


def _note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > LONG_TEXT_MAX_LENGTH:
        raise ValidationError({"note": _("The note is too long.")}, code="max_length")
    return note


def _set_status(item: TimelineItem, *, actor: User, status: str) -> None:
    if status not in ItemStatus.values:
        raise ValidationError({"status": _("Choose open, done or not needed.")}, code="invalid")
    if status == item.status:
        return
    item.status = status
    if status == ItemStatus.OPEN:
        item.completed_at, item.completed_by, item.completed_on_time = None, None, None
    else:
        item.completed_at, item.completed_by = timezone.now(), actor
        item.completed_on_time = timezone.localdate() <= item.deadline if status == ItemStatus.DONE else None


@transaction.atomic
def item_update(*, actor: User, item_id: int, owner_organisation_id: int | Unset | None = UNSET,
                owner_user_id: int | Unset | None = UNSET, deadline: dt.date | Unset = UNSET,
                status: str | Unset = UNSET, note: str | Unset = UNSET,
                expected_version: int | None) -> TimelineItem:
    """Core staff change an item: its owner (organisation and/or professional), deadline, status and note.
    "Not needed" needs a note saying why."""
    item = _locked_item(actor=actor, item_id=item_id)
    access.require_running(item.house_id)
    check_version(current=item.version, expected=expected_version)
    if not isinstance(owner_organisation_id, Unset):
        item.owner_organisation = (None if owner_organisation_id is None
                                   else _partner(item.house_id, owner_organisation_id, "owner_organisation"))
    if not isinstance(owner_user_id, Unset):
        if owner_user_id is None:
            item.owner_user = None
        else:
            memberships = Membership.objects.active().filter(house_id=item.house_id, user_id=owner_user_id)
            if item.owner_organisation_id is not None:
                memberships = memberships.filter(organisation_id=item.owner_organisation_id)
            membership = memberships.select_related("user").first()
            if membership is None:
                raise ValidationError({"owner_user": _(
                    "Choose a professional of the house (of the owner organisation, when one is chosen).")},
                    code="invalid")
            item.owner_user = membership.user
    if not isinstance(deadline, Unset):
        if deadline is None:
            raise ValidationError({"deadline": _("Fill in the deadline.")}, code="required")
        lowest, highest = item.timeline.release_date - dt.timedelta(days=366), item.timeline.release_date + \
            dt.timedelta(days=366)
        if not lowest <= deadline <= highest:
            raise ValidationError({"deadline": _("The deadline lies within a year of the release date.")},
                                  code="invalid")
        item.deadline = deadline
    if not isinstance(note, Unset):
        item.note = _note(note)
    if not isinstance(status, Unset):
        _set_status(item, actor=actor, status=status)
    if item.status == ItemStatus.NOT_NEEDED and not item.note:
        raise ValidationError({"note": _("Say why this item is not needed.")}, code="required")
    item.version += 1
    item.reminded_on = None
    item.save()
    log_case(actor=actor, case=item.case, action=Action.UPDATE, object_type="aftercare-item", object_id=item.pk)
    return item


@transaction.atomic
def handover_record(*, actor: User, item_id: int, by_organisation_id: int | None, to_organisation_id: int | None,
                    done: bool, note: str = "", expected_version: int | None) -> TimelineItem:
    """Record the warm hand-over: by whom, to whom, and whether it happened (when not: a note why)."""
    item = _locked_item(actor=actor, item_id=item_id)
    access.require_running(item.house_id)
    check_version(current=item.version, expected=expected_version)
    if item.kind != ItemKind.HANDOVER:
        raise ValidationError(_("Only the warm hand-over is recorded this way."), code="invalid")
    note = _note(note)
    if by_organisation_id is None:
        raise ValidationError({"by_organisation": _("Choose the organisation that hands over.")}, code="required")
    if to_organisation_id is None:
        raise ValidationError({"to_organisation": _("Choose the organisation that takes over.")}, code="required")
    by = _partner(item.house_id, by_organisation_id, "by_organisation")
    to = _partner(item.house_id, to_organisation_id, "to_organisation")
    if by.pk == to.pk:
        raise ValidationError({"to_organisation": _("The hand-over goes to another organisation.")}, code="invalid")
    if not done and not note:
        raise ValidationError({"note": _("Say why the hand-over did not take place.")}, code="required")
    item.owner_organisation, item.receiver_organisation, item.note = by, to, note
    was_done = item.status == ItemStatus.DONE
    _set_status(item, actor=actor, status=ItemStatus.DONE if done else ItemStatus.OPEN)
    item.version += 1
    item.save()
    if done and not was_done:  # the receiving organisation's professionals in the house are told (reference only)
        receivers = Membership.objects.active().filter(house_id=item.house_id, organisation=to,
                                                       role=Role.PARTNER_PROFESSIONAL).values_list("user_id", flat=True)
        notify(user_ids=receivers, kind=Kind.HANDOVER, link=reverse("cases:detail", args=[item.case_id]),
               case_reference=item.case.reference, house_id=item.house_id, on_date=item.deadline,
               subject_key=f"aftercare-handover-{item.pk}")
    log_case(actor=actor, case=item.case, action=Action.UPDATE, object_type="aftercare-item", object_id=item.pk)
    return item


@transaction.atomic
def settings_update(*, actor: User, house_id: int, days_before: dict[str, int], check_weeks: int,
                    expected_version: int | None) -> AftercareSettings:
    """The house manager (or functional administrator) sets the offsets. House configuration: no log record.
    Existing timelines keep their deadlines; new ones count with the new offsets."""
    access.require_settings(actor, house_id, write=True)
    cfg = AftercareSettings.objects.select_for_update().filter(house_id=house_id).first()
    check_version(current=cfg.version if cfg else 0, expected=expected_version)
    errors: dict[str, str] = {}
    for kind in BASIC_CONDITIONS:
        value = days_before.get(kind)
        if value is None or not 0 <= int(value) <= 365:
            errors[f"{kind}_days"] = _("Between 0 and 365 days.")
    if not 1 <= int(check_weeks) <= 52:
        errors["check_weeks"] = _("Between 1 and 52 weeks.")
    if errors:
        raise ValidationError(errors, code="invalid")
    cfg = cfg or AftercareSettings(house_id=house_id, version=0)
    cfg.identity_days, cfg.income_days = days_before[ItemKind.IDENTITY], days_before[ItemKind.INCOME]
    cfg.housing_days, cfg.care_days = days_before[ItemKind.HOUSING], days_before[ItemKind.CARE]
    cfg.debts_days, cfg.check_weeks = days_before[ItemKind.DEBTS], check_weeks
    cfg.updated_at, cfg.updated_by = timezone.now(), actor
    cfg.version += 1
    cfg.save()
    return cfg
