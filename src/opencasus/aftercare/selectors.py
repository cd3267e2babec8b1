"""Reads of the after-care of ex-detainees. Each starts from `opencasus.access.aftercare` and, for a case's
timeline, from the case policy; a record outside the reader's filter answers 404 exactly like a missing one.
Reads of personal data are logged here: a timeline with the case's people as data subjects, the list of
expected releases with the persons shown, lists of case references once per house."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import aftercare as access
from opencasus.access import roles
from opencasus.access.policy import CaseAccess, case_get
from opencasus.aftercare.models import AftercareSettings, ExpectedRelease, ReleaseImport, Timeline, TimelineItem
from opencasus.aftercare.services._common import RELEASE_ACTIVITY, TIMELINE_ACTIVITY, log_case
from opencasus.aftercare.services.timeline import offsets
from opencasus.aftercare.vocabulary import BASIC_CONDITIONS, UPCOMING_WEEKS, ItemKind, ItemStatus
from opencasus.cases.models import Case
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.core.aggregates import Count, suppress
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing, record_processing_many
from opencasus.network.models import House, Membership, Municipality, Organisation, Partnership

if TYPE_CHECKING:
    from opencasus.accounts.models import User


# Timeline of a case ------------------------------------------------------------------------------------------

@dataclass
class TimelineView:
    case: Case
    timeline: Timeline | None
    items: list[TimelineItem] = field(default_factory=list)
    may_edit: bool = False

    @property
    def conditions(self) -> list[TimelineItem]:
        return [i for i in self.items if i.kind in BASIC_CONDITIONS]

    @property
    def handover(self) -> TimelineItem | None:
        return next((i for i in self.items if i.kind == ItemKind.HANDOVER), None)

    @property
    def after_check(self) -> TimelineItem | None:
        return next((i for i in self.items if i.kind == ItemKind.AFTER_CHECK), None)

    @property
    def overdue(self) -> list[TimelineItem]:
        today = timezone.localdate()
        return [i for i in self.items if i.status == ItemStatus.OPEN and i.deadline < today]


def _items(timeline: Timeline | None) -> list[TimelineItem]:
    if timeline is None:
        return []
    return list(timeline.items.select_related("owner_organisation", "owner_user", "receiver_organisation",
                                              "completed_by").order_by("deadline", "id"))


def _view(*, actor: User, case: Case, level: CaseAccess) -> TimelineView:
    rights = access.timeline_rights(level=level, house_id=case.house_id)
    if not rights.read:
        raise Http404
    timeline = Timeline.objects.filter(case=case).first()
    return TimelineView(case=case, timeline=timeline, items=_items(timeline), may_edit=rights.edit)


def case_timeline(*, actor: User, case_id: int) -> TimelineView:
    """The timeline page: participants and core staff of a case in a house running after-care (logged)."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    view = _view(actor=actor, case=case, level=level)
    log_case(actor=actor, case=case, action=Action.VIEW, object_type="aftercare-timeline",
             object_id=view.timeline.pk if view.timeline else case.pk)
    return view


def case_timeline_check(*, actor: User, case_id: int, edit: bool = False) -> None:
    """404 unless the actor may read (or edit) the timeline; reads and logs nothing else."""
    case, level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    rights = access.timeline_rights(level=level, house_id=case.house_id)
    if not (rights.edit if edit else rights.read):
        raise Http404


def workspace_timeline(*, actor: User, case: Case, level: CaseAccess) -> TimelineView | None:
    """The timeline section of the case workspace, whose load is logged by the workspace itself; None where the
    reader may not see it or the house does not run after-care."""
    rights = access.timeline_rights(level=level, house_id=case.house_id)
    if not rights.read or (case.release_date is None and not Timeline.objects.filter(case=case).exists()):
        return None
    timeline = Timeline.objects.filter(case=case).first()
    return TimelineView(case=case, timeline=timeline, items=_items(timeline), may_edit=rights.edit)


# Items as case work ------------------------------------------------------------------------------------------

def item_list(*, actor: User, due: str | None = None, status: str | None = None, house_id: int | None = None,
              today: dt.date | None = None) -> QuerySet[TimelineItem]:
    """Open after-care items of the reader's houses (core staff); `due`: "overdue" or "week" (within 7 days)."""
    today = today or timezone.localdate()
    qs = (TimelineItem.objects.filter(access.item_work_filter(actor), case__status__in=ACTIVE_STATUSES)
          .select_related("case", "owner_organisation", "owner_user"))
    if status:
        qs = qs.filter(status=status)
    if due == "overdue":
        qs = qs.filter(status=ItemStatus.OPEN, deadline__lt=today)
    elif due == "week":
        qs = qs.filter(status=ItemStatus.OPEN, deadline__gte=today, deadline__lte=today + dt.timedelta(days=7))
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    return qs.order_by("deadline", "id")


def due_counts(*, actor: User, today: dt.date | None = None) -> tuple[int, int]:
    """(overdue, due this week) for the start page: counts only, not logged."""
    return (item_list(actor=actor, due="overdue", today=today).count(),
            item_list(actor=actor, due="week", today=today).count())


def item_get(*, actor: User, item_id: int) -> TimelineItem:
    item = item_list(actor=actor).filter(pk=item_id).select_related("timeline", "receiver_organisation").first()
    if item is None:
        raise Http404
    log_case(actor=actor, case=item.case, action=Action.VIEW, object_type="aftercare-item", object_id=item.pk)
    return item


def require_item(*, actor: User, item_id: int) -> None:
    if not item_list(actor=actor).filter(pk=item_id).exists():
        raise Http404


def record_house_list_view(*, actor: User, house_ids: Iterable[int], activity: ActivityCode, purpose: str,
                           object_type: str) -> None:
    """One view record per house shown, without a data subject (the list names no one)."""
    record_processing_many([
        Processing(action=Action.VIEW, activity_code=activity, purpose=purpose, who=roles.who(actor, house_id),
                   house_id=house_id, object_type=object_type, object_id=house_id)
        for house_id in sorted(set(house_ids))])


def record_item_list_view(*, actor: User, items: Sequence[TimelineItem]) -> None:
    record_house_list_view(actor=actor, house_ids={i.house_id for i in items}, activity=TIMELINE_ACTIVITY,
                           purpose=purposes.AFTERCARE_DEADLINES, object_type="aftercare-item-list")


# Expected releases -------------------------------------------------------------------------------------------

def release_list(*, actor: User, municipality_id: int | None = None, house_id: int | None = None,
                 weeks: int = UPCOMING_WEEKS, match: str | None = None,
                 today: dt.date | None = None) -> QuerySet[ExpectedRelease]:
    """Expected releases the reader may see, from a week ago to `weeks` ahead, soonest first."""
    today = today or timezone.localdate()
    qs = (ExpectedRelease.objects.filter(access.release_filter(actor))
          .filter(release_date__gte=today - dt.timedelta(days=7), release_date__lte=today + dt.timedelta(weeks=weeks))
          .select_related("municipality", "house"))
    if municipality_id is not None:
        qs = qs.filter(municipality_id=municipality_id)
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if match:
        qs = qs.filter(match=match)
    return qs.order_by("municipality__name", "release_date", "id")


def record_release_list_view(*, actor: User, releases: Sequence[ExpectedRelease]) -> None:
    """One view record per house shown, with the persons shown as data subjects."""
    by_house: dict[int, list[str]] = {}
    for release in releases:
        by_house.setdefault(release.house_id, []).append(str(release.pseudonym))
    record_processing_many([
        Processing(action=Action.VIEW, activity_code=RELEASE_ACTIVITY, purpose=purposes.AFTERCARE_RELEASES,
                   who=roles.who(actor, house_id), house_id=house_id, data_subjects=tuple(subjects),
                   object_type="expected-release-list", object_id=house_id)
        for house_id, subjects in sorted(by_house.items())])


def release_get(*, actor: User, release_id: int) -> ExpectedRelease:
    release = (ExpectedRelease.objects.filter(access.release_filter(actor), pk=release_id)
               .select_related("municipality", "house", "case").first())
    if release is None:
        raise Http404
    record_processing(action=Action.VIEW, activity_code=RELEASE_ACTIVITY, purpose=purposes.AFTERCARE_RELEASES,
                      who=roles.who(actor, release.house_id), house_id=release.house_id,
                      data_subjects=[str(release.pseudonym)], object_type="expected-release", object_id=release.pk)
    return release


def require_release(*, actor: User, release_id: int) -> None:
    if not ExpectedRelease.objects.filter(access.release_filter(actor), pk=release_id).exists():
        raise Http404


def sees_matched_case(*, actor: User, release: ExpectedRelease) -> bool:
    return access.sees_matched_case(actor, release.house_id)


@dataclass(frozen=True)
class CaseRelease:
    case_id: int
    reference: str
    house_id: int
    municipality: str
    release_date: dt.date
    open_items: int


def case_release_list(*, actor: User, weeks: int = UPCOMING_WEEKS, municipality_id: int | None = None,
                      house_id: int | None = None, today: dt.date | None = None) -> list[CaseRelease]:
    """Cases of the reader's houses (core staff only) with a release date from a week ago to `weeks` ahead:
    references, municipality and dates, no persons (logged by `record_case_release_list_view`)."""
    today = today or timezone.localdate()
    houses = access.core_house_ids(actor)
    if house_id is not None:
        houses &= {house_id}
    qs = (Timeline.objects.filter(house_id__in=houses, case__status__in=ACTIVE_STATUSES,
                                  release_date__gte=today - dt.timedelta(days=7),
                                  release_date__lte=today + dt.timedelta(weeks=weeks))
          .select_related("case", "case__municipality").order_by("case__municipality__name", "release_date"))
    if municipality_id is not None:
        qs = qs.filter(case__municipality_id=municipality_id)
    result = []
    for timeline in qs[:500]:
        open_items = timeline.items.filter(status=ItemStatus.OPEN).count()
        result.append(CaseRelease(timeline.case_id, timeline.case.reference, timeline.house_id,
                                  timeline.case.municipality.name, timeline.release_date, open_items))
    return result


def record_case_release_list_view(*, actor: User, rows: Sequence[CaseRelease]) -> None:
    record_house_list_view(actor=actor, house_ids={r.house_id for r in rows}, activity=TIMELINE_ACTIVITY,
                           purpose=purposes.AFTERCARE_RELEASES, object_type="aftercare-case-release-list")


def release_municipalities(*, actor: User) -> list[tuple[int, str]]:
    """The municipalities the reader sees releases of (reference data)."""
    core = access.core_house_ids(actor)
    regions = House.objects.filter(pk__in=core).values("region_id")
    ids = {m for _h, m in access.coordinator_scopes(actor)}
    qs = Municipality.objects.filter(Q(region_id__in=regions) | Q(pk__in=ids))
    return list(qs.order_by("name").values_list("pk", "name"))


# Imports -----------------------------------------------------------------------------------------------------

def import_houses(*, actor: User) -> list[tuple[int, str]]:
    return list(House.objects.filter(pk__in=access.import_house_ids(actor)).order_by("name")
                .values_list("pk", "name"))


def import_list(*, actor: User) -> QuerySet[ReleaseImport]:
    return ReleaseImport.objects.filter(access.import_filter(actor)).order_by("-uploaded_at", "-id")


def import_get(*, actor: User, import_id: int) -> ReleaseImport:
    """An import report (row numbers, columns and reasons; no personal data), logged as a view."""
    job = import_list(actor=actor).filter(pk=import_id).first()
    if job is None:
        raise Http404
    record_processing(action=Action.VIEW, activity_code=RELEASE_ACTIVITY, purpose=purposes.AFTERCARE_IMPORT,
                      who=roles.who(actor, job.house_id), house_id=job.house_id, object_type="release-import",
                      object_id=job.pk)
    return job


# Choices of the forms ----------------------------------------------------------------------------------------

def partner_organisations(*, house_id: int) -> list[tuple[int, str]]:
    partners = Partnership.objects.filter(house_id=house_id).values("organisation_id")
    return list(Organisation.objects.filter(pk__in=partners).order_by("name").values_list("pk", "name"))


def house_professionals(*, house_id: int) -> list[tuple[int, str, int]]:
    """(user id, name, organisation id) of the house's active professionals."""
    seen: dict[int, tuple[int, str, int]] = {}
    for m in (Membership.objects.active().filter(house_id=house_id).select_related("user")
              .order_by("user__last_name", "user__first_name")):
        seen.setdefault(m.user_id, (m.user_id, m.user.get_full_name() or m.user.username, m.organisation_id))
    return list(seen.values())


def filing_organisations(*, actor: User, house_id: int) -> list[tuple[int, str]]:
    from opencasus.access import intake as intake_access

    ids = intake_access.filing_organisation_ids(actor, house_id)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name"))


# Settings ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SettingsView:
    house_id: int
    days_before: dict[str, int]
    check_weeks: int
    version: int
    may_edit: bool


def settings_get(*, actor: User, house_id: int) -> SettingsView:
    access.require_settings(actor, house_id)
    days, weeks = offsets(house_id)
    version = AftercareSettings.objects.filter(house_id=house_id).values_list("version", flat=True).first() or 0
    return SettingsView(house_id, days, weeks, version, house_id in access.settings_house_ids(actor, write=True))


def settings_houses(*, actor: User) -> list[tuple[int, str]]:
    return list(House.objects.filter(pk__in=access.settings_house_ids(actor)).order_by("name")
                .values_list("pk", "name"))


# Management information --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    house_id: int
    municipality_id: int | None
    year: int
    releases: Count
    conditions_due: Count
    conditions_on_time: Count
    handovers_due: Count
    handovers_done: Count
    checks_done: Count


def figures_houses(*, actor: User) -> list[tuple[int, str]]:
    return list(House.objects.filter(pk__in=access.figures_house_ids(actor)).order_by("name")
                .values_list("pk", "name"))


def figures(*, actor: User, house_id: int, year: int) -> Figures:
    """Releases in `year`, basic conditions met on time, warm hand-overs done: counts, suppressed below the house's
    threshold. The whole house, or one municipality for a municipality officer or after-care coordinator."""
    municipality_id = access.figures_scope(actor, house_id)
    house = House.objects.get(pk=house_id)
    threshold = house.small_count_threshold
    timelines = Timeline.objects.filter(house_id=house_id, release_date__year=year)
    if municipality_id is not None:
        timelines = timelines.filter(case__municipality_id=municipality_id)
    items = TimelineItem.objects.filter(timeline__in=timelines)
    today = timezone.localdate()
    due = items.filter(kind__in=BASIC_CONDITIONS, deadline__lt=today).exclude(status=ItemStatus.NOT_NEEDED)
    handovers = items.filter(kind=ItemKind.HANDOVER, deadline__lte=today)

    def s(value: int) -> Count:
        return suppress(value, threshold=threshold)

    result = Figures(
        house_id=house_id, municipality_id=municipality_id, year=year,
        releases=s(timelines.filter(release_date__lte=today).count()),
        conditions_due=s(due.count()), conditions_on_time=s(due.filter(completed_on_time=True).count()),
        handovers_due=s(handovers.count()), handovers_done=s(handovers.filter(status=ItemStatus.DONE).count()),
        checks_done=s(items.filter(kind=ItemKind.AFTER_CHECK, status=ItemStatus.DONE).count()))
    record_processing(action=Action.VIEW, activity_code=ActivityCode.MANAGEMENT_INFORMATION,
                      purpose=purposes.AFTERCARE_FIGURES, who=roles.who(actor, house_id), house_id=house_id,
                      object_type="aftercare-figures", object_id=house_id)
    return result


