"""Who holds which role where. Every access decision starts from these memberships.

The case-level rules live in `opencasus.access.policy`; this module answers the role questions
that pages, the API and the admin share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from opencasus.network.models import CORE_STAFF_ROLES, NATIONAL_ROLES, House, Membership, Role


@dataclass(frozen=True)
class RoleGrant:
    house_id: int
    organisation_id: int
    role: str
    municipality_id: int | None


def grants(user: Any) -> list[RoleGrant]:
    """The user's active role grants, cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_opencasus_grants", None)
    if cached is None:
        cached = [
            RoleGrant(m.house_id, m.organisation_id, m.role, m.municipality_id)
            for m in Membership.objects.active().filter(user=user)
        ]
        user._opencasus_grants = cached
    return cached


def has_role(user: Any, house_id: int | None, *roles: str) -> bool:
    return any(g.role in roles and (house_id is None or g.house_id == house_id) for g in grants(user))


def house_ids_with_role(user: Any, *roles: str) -> set[int]:
    return {g.house_id for g in grants(user) if g.role in roles}


def houses_with_role(user: Any, *roles: str) -> QuerySet[House]:
    return House.objects.filter(pk__in=house_ids_with_role(user, *roles))


def is_core_staff(user: Any, house_id: int) -> bool:
    return has_role(user, house_id, *CORE_STAFF_ROLES)


def core_house_ids(user: Any) -> set[int]:
    """The houses where the user is core staff (process director, secretary)."""
    return house_ids_with_role(user, *CORE_STAFF_ROLES)


def organisation_ids(user: Any, house_id: int | None = None) -> set[int]:
    return {g.organisation_id for g in grants(user) if house_id is None or g.house_id == house_id}


def roles(user: Any, house_id: int | None = None) -> set[str]:
    return {g.role for g in grants(user) if house_id is None or g.house_id == house_id}


def primary_grant(user: Any, house_id: int | None = None, *, prefer: tuple[str, ...] = ()) -> RoleGrant | None:
    """The grant to record in the audit log for an action (preferred roles first)."""
    # A national grant counts in every house (`access.national`): it names the actor where no house grant does.
    candidates = [g for g in grants(user) if house_id is None or g.house_id == house_id] or \
        [g for g in grants(user) if g.role in NATIONAL_ROLES]
    for role in prefer:
        for g in candidates:
            if g.role == role:
                return g
    return candidates[0] if candidates else None


ALL_ROLES = tuple(Role.values)


def who(user: Any, house_id: int | None = None, *, prefer: tuple[str, ...] = ()) -> Any:
    """The audit identity (`logbook.services.Who`) of a user acting in a house."""
    from opencasus.logbook.services import Who

    if user is None or not getattr(user, "is_authenticated", False):
        return Who(username="anonymous")
    grant = primary_grant(user, house_id, prefer=prefer)
    return Who(
        user_id=user.pk,
        username=user.get_username(),
        organisation_id=grant.organisation_id if grant else None,
        role=grant.role if grant else "",
    )
