"""The approaches a house runs (the switch per approach) and the periods of its crisis lane: house
configuration, read by core staff and the house's other non-partner roles, changed by the house manager and
the functional administrator (`opencasus.access.approaches`).

Settings of the house, not processing of personal data: no processing-log record (as the caseload maximums).
An approach without a row reads as switched off with version 0, the crisis lane without settings as the
national defaults with version 0; a write with version 0 creates the row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import approaches as approach_access
from opencasus.network.approaches import approach_enabled
from opencasus.network.models import Approach, CrisisLaneSettings, House, HouseApproach

if TYPE_CHECKING:
    import datetime as dt

    from django.utils.functional import _StrPromise

    from opencasus.accounts.models import User

DEFAULT_TRIAGE_DAYS = 1
DEFAULT_CONFERENCE_DAYS = 3
MAX_DAYS = 30

DESCRIPTIONS: dict[Approach, _StrPromise] = {
    Approach.TOP_X: gettext_lazy("Lists of people the house focuses on, with local inclusion criteria, proposals by "
                                 "partners, decisions by the triage table and periodic reviews."),
    Approach.CHILD_TRACK: gettext_lazy("In a domestic-violence case every minor gets a child check before the plan "
                                       "can be adopted."),
    Approach.AFTERCARE: gettext_lazy("A timeline of basic conditions counted back from the expected release date "
                                     "of a detainee, with a warm hand-over."),
    Approach.GROUP: gettext_lazy("A group or area case with its members, their roles and linked individual "
                                 "cases."),
    Approach.CRISIS_LANE: gettext_lazy("A crisis intake is triaged and discussed in a case conference within a set "
                                       "number of working days; deadlines are shown, signalled and reported."),
}


@dataclass(frozen=True)
class ApproachState:
    approach: Approach
    enabled: bool
    version: int
    updated_at: dt.datetime | None
    updated_by: str

    @property
    def label(self) -> str:
        return str(self.approach.label)

    @property
    def description(self) -> str:
        return str(DESCRIPTIONS[self.approach])


@dataclass(frozen=True)
class CrisisSettingsView:
    house: House
    triage_days: int
    conference_days: int
    version: int
    updated_at: dt.datetime | None
    updated_by: str
    may_edit: bool


@dataclass(frozen=True)
class ApproachesView:
    house: House
    items: list[ApproachState]
    may_edit: bool


def _by(user: User | None) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _state(approach: Approach, row: HouseApproach | None) -> ApproachState:
    if row is None:
        return ApproachState(approach=approach, enabled=False, version=0, updated_at=None, updated_by="")
    return ApproachState(approach=approach, enabled=row.enabled, version=row.version, updated_at=row.updated_at,
                         updated_by=_by(row.updated_by))


def _approach(code: str) -> Approach:
    try:
        return Approach(code)
    except ValueError:
        raise Http404 from None


def approach_list(*, actor: User, house_id: int) -> ApproachesView:
    """Every approach of the house with its switch (404 for a house the actor may not read)."""
    approach_access.require_approaches(actor, house_id)
    house = House.objects.get(pk=house_id)
    rows = {r.approach: r for r in HouseApproach.objects.filter(house=house).select_related("updated_by")}
    return ApproachesView(house=house, items=[_state(a, rows.get(a.value)) for a in Approach],
                          may_edit=approach_access.may_edit_approaches(actor, house_id))


def approach_get(*, actor: User, house_id: int, approach: str) -> ApproachState:
    """One approach of the house; an unknown approach answers 404 like a hidden house."""
    approach_access.require_approaches(actor, house_id)
    code = _approach(approach)
    return _state(code, HouseApproach.objects.filter(house_id=house_id, approach=code)
                  .select_related("updated_by").first())


@transaction.atomic
def approach_switch(*, actor: User, house_id: int, approach: str, enabled: bool,
                    expected_version: int) -> ApproachState:
    """Switch an approach of the house on or off. A stale version is refused (`code="conflict"`)."""
    approach_access.require_approaches(actor, house_id, edit=True)
    code = _approach(approach)
    house = House.objects.select_for_update().get(pk=house_id)
    row = HouseApproach.objects.select_for_update().filter(house=house, approach=code).first()
    current = row.version if row is not None else 0
    if expected_version != current:
        raise ValidationError(_("This approach was switched by someone else in the meantime. Reload and try "
                                "again."), code="conflict")
    if row is None:
        row = HouseApproach(house=house, approach=code, version=0)
    row.enabled = enabled
    row.updated_at, row.updated_by = timezone.now(), actor
    row.version += 1
    row.save()
    return _state(code, row)


# --- The crisis lane's periods ------------------------------------------------------------------------------------


def crisis_periods(house_id: int) -> tuple[int, int]:
    """(working days to triage, working days to the first conference) of the house: no access check, for the
    code that computes the deadlines of cases the caller has already opened through the access policy."""
    row = CrisisLaneSettings.objects.filter(house_id=house_id).values_list("triage_days", "conference_days").first()
    return (row[0], row[1]) if row else (DEFAULT_TRIAGE_DAYS, DEFAULT_CONFERENCE_DAYS)


def crisis_periods_of(house_ids: set[int]) -> dict[int, tuple[int, int]]:
    """`crisis_periods` for many houses at once."""
    rows = {h: (t, c) for h, t, c in CrisisLaneSettings.objects.filter(house_id__in=house_ids)
            .values_list("house_id", "triage_days", "conference_days")}
    return {h: rows.get(h, (DEFAULT_TRIAGE_DAYS, DEFAULT_CONFERENCE_DAYS)) for h in house_ids}


def _crisis_view(house: House, row: CrisisLaneSettings | None, may_edit: bool) -> CrisisSettingsView:
    if row is None:
        return CrisisSettingsView(house=house, triage_days=DEFAULT_TRIAGE_DAYS,
                                  conference_days=DEFAULT_CONFERENCE_DAYS, version=0, updated_at=None, updated_by="",
                                  may_edit=may_edit)
    return CrisisSettingsView(house=house, triage_days=row.triage_days, conference_days=row.conference_days,
                              version=row.version, updated_at=row.updated_at, updated_by=_by(row.updated_by),
                              may_edit=may_edit)


def _require_crisis_lane(actor: User, house_id: int, *, edit: bool = False) -> None:
    approach_access.require_approaches(actor, house_id, edit=False)
    if not approach_enabled(house_id=house_id, approach=Approach.CRISIS_LANE):
        raise Http404  # a house without the crisis lane has no periods to show or set
    if edit:
        approach_access.require_approaches(actor, house_id, edit=True)


def crisis_settings_get(*, actor: User, house_id: int) -> CrisisSettingsView:
    """The crisis-lane periods of the house; 404 where hidden or where the house does not run the crisis lane."""
    _require_crisis_lane(actor, house_id)
    house = House.objects.get(pk=house_id)
    row = CrisisLaneSettings.objects.filter(house=house).select_related("updated_by").first()
    return _crisis_view(house, row, approach_access.may_edit_approaches(actor, house_id))


def _validate(triage_days: int, conference_days: int) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    message = _("Give a number of working days from 1 to %(max)s.") % {"max": MAX_DAYS}
    if not 1 <= triage_days <= MAX_DAYS:
        errors["triage_days"] = [message]
    if not 1 <= conference_days <= MAX_DAYS:
        errors["conference_days"] = [message]
    return errors


@transaction.atomic
def crisis_settings_save(*, actor: User, house_id: int, triage_days: int, conference_days: int,
                         expected_version: int) -> CrisisSettingsView:
    """Set the crisis-lane periods (working days). A stale version is refused (`code="conflict"`)."""
    _require_crisis_lane(actor, house_id, edit=True)
    house = House.objects.select_for_update().get(pk=house_id)
    row = CrisisLaneSettings.objects.select_for_update().filter(house=house).first()
    current = row.version if row is not None else 0
    if expected_version != current:
        raise ValidationError(_("The crisis-lane periods were changed by someone else in the meantime. Reload and "
                                "try again."), code="conflict")
    errors = _validate(triage_days, conference_days)
    if errors:
        raise ValidationError(errors)
    if row is None:
        row = CrisisLaneSettings(house=house, version=0)
    row.triage_days, row.conference_days = triage_days, conference_days
    row.updated_at, row.updated_by = timezone.now(), actor
    row.version += 1
    row.save()
    return _crisis_view(house, row, True)
