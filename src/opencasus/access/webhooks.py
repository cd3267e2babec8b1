"""Who manages webhook subscriptions, their delivery log and dead letters (`opencasus.webhooks`).

Only the functional administrator of a house, for the house's subscriptions. Everyone else sees nothing;
a subscription outside the filter answers 404, exactly like a missing one. The subscriber must be a system
client with an active membership in the house.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from opencasus.access import roles
from opencasus.network.models import Membership, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

NOTHING = Q(pk__in=[])


def admin_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, Role.FUNCTIONAL_ADMINISTRATOR)


def may_manage(actor: User, *, house_id: int) -> bool:
    return roles.has_role(actor, house_id, Role.FUNCTIONAL_ADMINISTRATOR)


def may_see_any(actor: User) -> bool:
    return bool(admin_house_ids(actor))


def subscription_filter(actor: User) -> Q:
    houses = admin_house_ids(actor)
    return Q(house_id__in=houses) if houses else NOTHING


def delivery_filter(actor: User) -> Q:
    return subscription_filter(actor)


def is_client_of_house(client: User, *, house_id: int) -> bool:
    return bool(client.is_system_client) and Membership.objects.active().filter(
        user=client, house_id=house_id).exists()
