"""Who fills in, reads and configures the regie scan (`opencasus.regiescan`).

- A municipality officer fills in and reads the scans of the municipality their grant names
  (`Membership.municipality`), in the house of that grant; they see their municipality's scores, its trend
  over the years and the region's average per theme (suppressed below the threshold, `regiescan.selectors`).
- The house manager sees the scans of the house's municipalities (status and scores, read only): the scan is
  about how the municipalities direct the house.
- The house manager and the functional administrator of the house set the questionnaire (themes, tips,
  questions, scale).
- Everyone else gets 404, as for a scan that does not exist. The scan holds no personal data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.network.models import Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

CONFIG_ROLES = (Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)
OVERVIEW_ROLES = (Role.HOUSE_MANAGER,)


def officer_pairs(actor: User) -> set[tuple[int, int]]:
    """The (house, municipality) pairs for which the actor fills in the scan."""
    return {(g.house_id, g.municipality_id) for g in roles.grants(actor)
            if g.role == Role.MUNICIPALITY_OFFICER and g.municipality_id}


def may_fill(actor: User, house_id: int, municipality_id: int) -> bool:
    return (house_id, municipality_id) in officer_pairs(actor)


def overview_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, *OVERVIEW_ROLES)


def may_read(actor: User, house_id: int, municipality_id: int) -> bool:
    return may_fill(actor, house_id, municipality_id) or house_id in overview_house_ids(actor)


def configurable_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, *CONFIG_ROLES)


def may_configure(actor: User, house_id: int) -> bool:
    return house_id in configurable_house_ids(actor)


def uses_scan(actor: User) -> bool:
    """Opens the menu item: an officer, or someone who sees or sets a house's scan."""
    return bool(officer_pairs(actor) or overview_house_ids(actor) or configurable_house_ids(actor))
