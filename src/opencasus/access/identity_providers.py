"""Who configures a house's identity providers (`opencasus.network.identity`).

Only the functional administrator of the house. Everyone else sees nothing; a provider outside the filter
answers 404, exactly like a missing one. Who may sign in through a provider is not a role question: an
account is matched only among the staff the house knows of the provider's organisation
(`provider_staff_filter`), and what it may then see comes from its approved memberships alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from opencasus.access import roles
from opencasus.network.models import Membership, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

def may_manage(actor: User, *, house_id: int) -> bool:
    return roles.has_role(actor, house_id, Role.FUNCTIONAL_ADMINISTRATOR)


def provider_filter(actor: User) -> Q:
    return Q(house_id__in=roles.house_ids_with_role(actor, Role.FUNCTIONAL_ADMINISTRATOR))


def provider_staff_filter(*, house_id: int, organisation_id: int) -> Q:
    """Accounts a provider may sign in: people (no system clients), active, with a membership of the
    provider's organisation in its house in any state (requested, approved or ended): the house knows them
    as that organisation's staff. A membership still awaiting four-eyes approval gives no role."""
    staff = Membership.objects.filter(house_id=house_id, organisation_id=organisation_id).values("user_id")
    return Q(pk__in=staff, is_active=True, is_system_client=False)
