"""Who sees and does what in the after-care of ex-detainees (`opencasus.aftercare`). Hidden answers 404.

Nothing of the approach exists for a house that has it switched off (`network.HouseApproach`).

- The timeline of a case follows the case policy: whoever may see the case as a participant (or core staff)
  reads it; core staff of the house edit it (owners, deadlines, statuses, the warm hand-over, the release date).
  The filer of an intake sees no timeline.
- Expected releases: core staff of the house see all of their house's; the after-care coordinator of a
  municipality (`Role.AFTERCARE_COORDINATOR`, bound to a municipality) sees those of their municipality only,
  without the case they were matched to. Both import them and file an intake for one that has no case.
- The overview of open deadlines is case work: core staff of the house.
- Settings: core staff and the house manager read them; the house manager and the functional administrator
  change them.
- Management information (counts only): core staff, house managers and steering-group members of the house,
  municipality officers and after-care coordinators for their municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import CORE_STAFF_ROLES, Approach, HouseApproach, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

NOTHING = Q(pk__in=[])
APPROACH = Approach.AFTERCARE
SETTINGS_READERS = (*CORE_STAFF_ROLES, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)
SETTINGS_WRITERS = (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)
FIGURE_HOUSE_ROLES = (*CORE_STAFF_ROLES, Role.HOUSE_MANAGER, Role.STEERING_GROUP_MEMBER)
FIGURE_MUNICIPALITY_ROLES = (Role.MUNICIPALITY_OFFICER, Role.AFTERCARE_COORDINATOR)


def houses_running(*, approach: Approach, house_ids: set[int]) -> set[int]:
    """Of `house_ids`, those that run the approach (as `network.approaches.houses_running`, read from the
    model: the access layer sits below `network`'s services)."""
    return set(HouseApproach.objects.filter(house_id__in=house_ids, approach=approach, enabled=True)
               .values_list("house_id", flat=True))


def running(house_id: int) -> bool:
    return HouseApproach.objects.filter(house_id=house_id, approach=APPROACH, enabled=True).exists()


def require_running(house_id: int) -> None:
    if not running(house_id):
        raise Http404


def core_house_ids(actor: User) -> set[int]:
    """Houses running after-care where the actor is core staff."""
    houses = roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)
    return houses_running(approach=APPROACH, house_ids=houses) if houses else set()


def coordinator_scopes(actor: User) -> set[tuple[int, int]]:
    """(house id, municipality id) the actor coordinates after-care for, in houses running it."""
    pairs = {(g.house_id, g.municipality_id) for g in roles.grants(actor)
             if g.role == Role.AFTERCARE_COORDINATOR and g.municipality_id}
    if not pairs:
        return set()
    on = houses_running(approach=APPROACH, house_ids={h for h, _m in pairs})
    return {(h, m) for h, m in pairs if h in on}


def coordinator_organisation_id(actor: User, house_id: int) -> int | None:
    """The organisation the actor coordinates after-care for in this house (for filing an intake)."""
    return next((g.organisation_id for g in roles.grants(actor)
                 if g.role == Role.AFTERCARE_COORDINATOR and g.house_id == house_id), None)


def sees_releases(actor: User) -> bool:
    return bool(core_house_ids(actor) or coordinator_scopes(actor))


def release_filter(actor: User) -> Q:
    """Expected releases (they carry `house` and `municipality`)."""
    q = NOTHING
    core = core_house_ids(actor)
    if core:
        q |= Q(house_id__in=core)
    for house_id, municipality_id in coordinator_scopes(actor):
        if house_id not in core:
            q |= Q(house_id=house_id, municipality_id=municipality_id)
    return q


def sees_matched_case(actor: User, house_id: int) -> bool:
    """Only core staff see which case a release was matched to."""
    return house_id in core_house_ids(actor)


def import_house_ids(actor: User) -> set[int]:
    return core_house_ids(actor) | {h for h, _m in coordinator_scopes(actor)}


def import_municipality_ids(actor: User, house_id: int) -> set[int] | None:
    """The municipalities of return the actor may import for in this house (None: any of the region)."""
    if house_id in core_house_ids(actor):
        return None
    return {m for h, m in coordinator_scopes(actor) if h == house_id}


def import_filter(actor: User) -> Q:
    """Import reports: core staff of the house see all of them, a coordinator their own."""
    q = NOTHING
    core = core_house_ids(actor)
    if core:
        q |= Q(house_id__in=core)
    coordinated = {h for h, _m in coordinator_scopes(actor)} - core
    if coordinated:
        q |= Q(house_id__in=coordinated, uploaded_by_id=actor.pk)
    return q


def item_work_filter(actor: User) -> Q:
    """Timeline items as case work (the overview of deadlines): core staff of the house."""
    houses = core_house_ids(actor)
    return Q(house_id__in=houses) if houses else NOTHING


@dataclass(frozen=True)
class TimelineRights:
    read: bool
    edit: bool


def timeline_rights(*, level: int, house_id: int) -> TimelineRights:
    """From the reader's case level (`policy.CaseAccess`): participants read, core staff edit."""
    from opencasus.access.policy import CaseAccess

    if not running(house_id):
        return TimelineRights(False, False)
    return TimelineRights(read=level >= CaseAccess.PARTICIPANT, edit=level >= CaseAccess.CORE)


def settings_house_ids(actor: User, *, write: bool = False) -> set[int]:
    houses = roles.house_ids_with_role(actor, *(SETTINGS_WRITERS if write else SETTINGS_READERS))
    return houses_running(approach=APPROACH, house_ids=houses) if houses else set()


def require_settings(actor: User, house_id: int, *, write: bool = False) -> None:
    if house_id not in settings_house_ids(actor, write=write):
        raise Http404


def figures_scope(actor: User, house_id: int) -> int | None:
    """The figures of this house the actor sees: None for the whole house, a municipality id for one
    municipality; 404 for nothing."""
    if not running(house_id):
        raise Http404
    if roles.has_role(actor, house_id, *FIGURE_HOUSE_ROLES):
        return None
    municipality = next((g.municipality_id for g in roles.grants(actor) if g.house_id == house_id
                         and g.role in FIGURE_MUNICIPALITY_ROLES and g.municipality_id), None)
    if municipality is None:
        raise Http404
    return municipality


def figures_house_ids(actor: User) -> set[int]:
    houses = {g.house_id for g in roles.grants(actor)
              if g.role in FIGURE_HOUSE_ROLES or (g.role in FIGURE_MUNICIPALITY_ROLES and g.municipality_id)}
    return houses_running(approach=APPROACH, house_ids=houses) if houses else set()
