"""Who may read a house's configuration (meeting types, target groups, local criteria) and its directory of
professionals. Both answer 404, as for a missing house, to anyone outside the house.

- The configuration: every member of the house (it is what filing, triage and admission choose from).
- The directory (who works in the house, in which role, for which organisation): those who name
  professionals in a case or manage the house: core staff, the house manager, the functional administrator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from opencasus.access import roles
from opencasus.network.models import CORE_STAFF_ROLES, House, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

DIRECTORY_ROLES = (*CORE_STAFF_ROLES, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)


def configuration_house_get(*, actor: User, house_id: int) -> House:
    if not roles.has_role(actor, house_id, *roles.ALL_ROLES):
        raise Http404
    return House.objects.get(pk=house_id)


def directory_house_get(*, actor: User, house_id: int) -> House:
    if not roles.has_role(actor, house_id, *DIRECTORY_ROLES):
        raise Http404
    return House.objects.get(pk=house_id)
