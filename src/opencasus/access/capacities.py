"""In which capacities a professional works: the role questions that start pages, menus and services ask.

Every such question outside `opencasus.access` goes through a function here (or through the access
module of its resource), so that a role rule has one home; `access/tests/test_capacities.py` keeps
`roles.*` role queries inside this package. What a capacity lets someone see of a case is still decided
by `access.policy`: these answers open a menu or a start block, never case content.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from opencasus.access import roles
from opencasus.access.policy import FILING_ROLES
from opencasus.network.models import CORE_STAFF_ROLES, NATIONAL_ROLES, House, Role


def member_house_ids(user: Any) -> set[int]:
    """The houses where the user holds any active role."""
    return {g.house_id for g in roles.grants(user)}


def has_any_role(user: Any) -> bool:
    return bool(roles.grants(user))


def is_partner_professional(user: Any, house_id: int | None = None) -> bool:
    """A partner professional (of `house_id`, or of any house)."""
    return roles.has_role(user, house_id, Role.PARTNER_PROFESSIONAL)


def works_on_cases(user: Any) -> bool:
    """Core staff or a partner professional somewhere: someone who may own agreements and attend meetings."""
    return roles.has_role(user, None, Role.PARTNER_PROFESSIONAL, *CORE_STAFF_ROLES)


def takes_part_in_cases(user: Any) -> bool:
    """Works on cases or files them: who has a case list and a case search (a manager, an officer or the
    national programme reads figures, never cases)."""
    return works_on_cases(user) or roles.has_role(user, None, *FILING_ROLES)


def is_core_staff(user: Any, house_id: int) -> bool:
    """Process director or secretary of the house."""
    return roles.is_core_staff(user, house_id)


def core_staff_house_ids(user: Any) -> set[int]:
    return roles.core_house_ids(user)


def core_staff_houses(user: Any) -> QuerySet[House]:
    return roles.houses_with_role(user, *CORE_STAFF_ROLES)


def is_process_director(user: Any, house_id: int) -> bool:
    return roles.has_role(user, house_id, Role.PROCESS_DIRECTOR)


def director_house_ids(user: Any) -> set[int]:
    return roles.house_ids_with_role(user, Role.PROCESS_DIRECTOR)


def managed_house_ids(user: Any) -> set[int]:
    """The houses the user manages (house manager)."""
    return roles.house_ids_with_role(user, Role.HOUSE_MANAGER)


def officer_municipality_ids(user: Any) -> set[int]:
    """The municipalities for which the user is a municipality officer."""
    return {g.municipality_id for g in roles.grants(user)
            if g.role == Role.MUNICIPALITY_OFFICER and g.municipality_id}


def core_staff_organisation_ids(user: Any, house_id: int) -> set[int]:
    """The organisations on whose behalf the user is core staff in the house."""
    return {g.organisation_id for g in roles.grants(user) if g.house_id == house_id and g.role in CORE_STAFF_ROLES}


def acting_organisation_ids(user: Any, house_id: int | None = None) -> set[int]:
    """The organisations on whose behalf the user works (in `house_id`, or anywhere), in any role."""
    return roles.organisation_ids(user, house_id)


def is_national_officer(user: Any) -> bool:
    """The national programme: national figures per region and the national escalations, never a case."""
    return roles.has_role(user, None, *NATIONAL_ROLES)
