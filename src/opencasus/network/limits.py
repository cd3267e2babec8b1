"""The house's caseload maximums (house configuration): read by core staff, the house manager and the
functional administrator; set by the house manager and the functional administrator.

These are settings of the house, not processing of personal data: no processing-log record. A house without
a row reads as version 0 with no maximums; a write with version 0 creates the row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import caseload as caseload_access
from opencasus.network.models import CaseloadLimit, House

if TYPE_CHECKING:
    import datetime as dt

    from opencasus.accounts.models import User

MAX_PER_DIRECTOR = 1000
MAX_PER_HOUSE = 100_000


@dataclass(frozen=True)
class LimitView:
    house: House
    per_director: int | None
    per_house: int | None
    version: int
    updated_at: dt.datetime | None
    updated_by: str
    may_edit: bool


def _view(house: House, row: CaseloadLimit | None, may_edit: bool) -> LimitView:
    if row is None:
        return LimitView(house=house, per_director=None, per_house=None, version=0, updated_at=None, updated_by="",
                         may_edit=may_edit)
    by = (row.updated_by.get_full_name() or row.updated_by.get_username()) if row.updated_by else ""
    return LimitView(house=house, per_director=row.per_director, per_house=row.per_house, version=row.version,
                     updated_at=row.updated_at, updated_by=by, may_edit=may_edit)


def caseload_limit_list(*, actor: User) -> list[LimitView]:
    house_ids = caseload_access.limit_house_ids(actor)
    rows = {r.house_id: r for r in CaseloadLimit.objects.filter(house_id__in=house_ids).select_related("updated_by")}
    return [_view(h, rows.get(h.pk), caseload_access.may_edit_limits(actor, h.pk))
            for h in House.objects.filter(pk__in=house_ids).order_by("name")]


def caseload_limit_get(*, actor: User, house_id: int) -> LimitView:
    caseload_access.require_limits(actor, house_id)
    house = House.objects.get(pk=house_id)
    row = CaseloadLimit.objects.filter(house=house).select_related("updated_by").first()
    return _view(house, row, caseload_access.may_edit_limits(actor, house_id))


def _validate(per_director: int | None, per_house: int | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if per_director is not None and not 1 <= per_director <= MAX_PER_DIRECTOR:
        errors["per_director"] = [_("Give a number from 1 to %(max)s, or leave it empty for no maximum.")
                                  % {"max": MAX_PER_DIRECTOR}]
    if per_house is not None and not 1 <= per_house <= MAX_PER_HOUSE:
        errors["per_house"] = [_("Give a number from 1 to %(max)s, or leave it empty for no maximum.")
                               % {"max": MAX_PER_HOUSE}]
    if not errors and per_director is not None and per_house is not None and per_house < per_director:
        errors["per_house"] = [_("The maximum for the house cannot be lower than the maximum per process director.")]
    return errors


@transaction.atomic
def caseload_limit_save(*, actor: User, house_id: int, per_director: int | None, per_house: int | None,
                        expected_version: int) -> LimitView:
    """Set the house's maximums (empty: no maximum). A stale version is refused (`code="conflict"`)."""
    caseload_access.require_limits(actor, house_id, edit=True)
    house = House.objects.select_for_update().get(pk=house_id)
    row = CaseloadLimit.objects.select_for_update().filter(house=house).first()
    current = row.version if row is not None else 0
    if expected_version != current:
        raise ValidationError(_("The maximums were changed by someone else in the meantime. Reload and try again."),
                              code="conflict")
    errors = _validate(per_director, per_house)
    if errors:
        raise ValidationError(errors)
    if row is None:
        row = CaseloadLimit(house=house, version=0)
    row.per_director, row.per_house = per_director, per_house
    row.updated_at, row.updated_by = timezone.now(), actor
    row.version += 1
    row.save()
    return _view(house, row, True)
