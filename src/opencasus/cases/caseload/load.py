"""The current load: active (admitted) cases per process director and for the house, against the maximums."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.network.models import CaseloadLimit

# A case counts towards the caseload while it is admitted (discussed and directed); intakes in triage
# and closed cases do not.
ACTIVE_STATUS = Status.ADMITTED
# Cases a director is busy with: the open intakes they picked up and the admitted cases.
OPEN_STATUSES = (Status.SUBMITTED, Status.IN_TRIAGE, Status.ADMITTED)


@dataclass(frozen=True)
class Limits:
    per_director: int | None = None
    per_house: int | None = None
    version: int = 0


@dataclass(frozen=True)
class Load:
    """The load the triage table sees before one more admission (the case itself not counted)."""

    house_active: int
    director_id: int | None
    director_active: int | None
    limits: Limits

    @property
    def director_full(self) -> bool:
        return (self.limits.per_director is not None and self.director_active is not None
                and self.director_active + 1 > self.limits.per_director)

    @property
    def house_full(self) -> bool:
        return self.limits.per_house is not None and self.house_active + 1 > self.limits.per_house

    @property
    def over_limit(self) -> bool:
        return self.director_full or self.house_full

    def warnings(self) -> list[str]:
        """What the table must confirm before admitting, in Dutch through the catalogue."""
        found: list[str] = []
        if self.director_full:
            found.append(_("The process director already directs %(count)s active cases; the house's maximum per "
                           "director is %(maximum)s.") % {"count": self.director_active,
                                                          "maximum": self.limits.per_director})
        if self.house_full:
            found.append(_("The house already has %(count)s active cases; its maximum is %(maximum)s.")
                         % {"count": self.house_active, "maximum": self.limits.per_house})
        return found


def limits_for(house_id: int) -> Limits:
    row = CaseloadLimit.objects.filter(house_id=house_id).first()
    if row is None:
        return Limits()
    return Limits(per_director=row.per_director, per_house=row.per_house, version=row.version)


def active_cases(house_id: int) -> QuerySet[Case]:
    return Case.objects.filter(house_id=house_id, status=ACTIVE_STATUS)


def load_for(*, house_id: int, director_id: int | None, exclude_case_id: int | None = None) -> Load:
    active = active_cases(house_id)
    if exclude_case_id is not None:
        active = active.exclude(pk=exclude_case_id)
    director_active = active.filter(process_director_id=director_id).count() if director_id else None
    return Load(house_active=active.count(), director_id=director_id, director_active=director_active,
                limits=limits_for(house_id))
