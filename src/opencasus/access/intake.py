"""Who files an intake (aanmelding) where: a partner professional or core staff member of the house, acting for
an organisation of theirs that has a privacy covenant in force with the house."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opencasus.access import roles
from opencasus.access.policy import FILING_ROLES
from opencasus.network.models import House, Membership, Organisation, Partnership

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def files_anywhere(user: Any) -> bool:
    return roles.has_role(user, None, *FILING_ROLES)


def filing_organisation_ids(actor: User, house_id: int) -> set[int]:
    """The organisations the actor files for in this house (by role; the covenant is checked by `can_file`)."""
    return {g.organisation_id for g in roles.grants(actor) if g.house_id == house_id and g.role in FILING_ROLES}


def can_file(actor: User, house: House, organisation: Organisation) -> bool:
    """A partner professional (or core staff member) of `house` acting for `organisation`, covenant in force."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    if not any(g.house_id == house.pk and g.organisation_id == organisation.pk and g.role in FILING_ROLES
               for g in roles.grants(actor)):
        return False
    return Partnership.objects.covenant_in_force().filter(house=house, organisation=organisation).exists()


def filing_choices(actor: User) -> list[tuple[House, Organisation]]:
    """The (house, organisation) combinations the actor may file for."""
    pairs = {(g.house_id, g.organisation_id) for g in roles.grants(actor) if g.role in FILING_ROLES}
    result = []
    for m in (Membership.objects.active().filter(user=actor, role__in=FILING_ROLES)
              .select_related("house", "organisation").order_by("house__name", "organisation__name")):
        if (m.house_id, m.organisation_id) in pairs and can_file(actor, m.house, m.organisation):
            pairs.discard((m.house_id, m.organisation_id))
            result.append((m.house, m.organisation))
    return result
