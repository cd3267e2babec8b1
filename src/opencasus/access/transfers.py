"""Who sees and decides transfers between houses and who adds co-directors (`opencasus.transfers`).

- A transfer is proposed by the process direction of the case's house (A): a process director of A, or the
  case's own process director while they are core staff of A. The core staff of A see A's outgoing transfers.
- The process directors of the receiving house (B) see the transfers proposed to B (only the summary the
  transfer record holds, never A's case) and accept or decline them.
- An information item is marked transferable by its contributor (its author) only.
- A co-director is added by the same process direction of A; the co-director must be a process director of
  another house. What a co-director may see is decided by the case policy (`access.policy`).

Everyone else sees nothing; a transfer outside these filters answers 404, exactly like a missing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from opencasus.access import roles
from opencasus.cases.models import Case, InformationItem
from opencasus.network.models import CORE_STAFF_ROLES, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.transfers.models import Transfer

NOTHING = Q(pk__in=[])


def director_house_ids(actor: User) -> set[int]:
    return roles.house_ids_with_role(actor, Role.PROCESS_DIRECTOR)


def may_direct(actor: User, case: Case) -> bool:
    """Process direction of the case's own house: a process director, or the case's director (core staff)."""
    if roles.has_role(actor, case.house_id, Role.PROCESS_DIRECTOR):
        return True
    return case.process_director_id == actor.pk and roles.is_core_staff(actor, case.house_id)


def transfer_filter(actor: User) -> Q:
    """Transfers the actor may see: outgoing ones of their houses (core staff), incoming ones (process director)."""
    q = NOTHING
    core = roles.house_ids_with_role(actor, *CORE_STAFF_ROLES)
    if core:
        q |= Q(from_house_id__in=core)
    incoming = director_house_ids(actor)
    if incoming:
        q |= Q(to_house_id__in=incoming)
    return q


def may_see_transfers(actor: User) -> bool:
    return bool(roles.house_ids_with_role(actor, *CORE_STAFF_ROLES))


def incoming_filter(actor: User) -> Q:
    houses = director_house_ids(actor)
    return Q(to_house_id__in=houses) if houses else NOTHING


def may_decide(actor: User, transfer: Transfer) -> bool:
    return roles.has_role(actor, transfer.to_house_id, Role.PROCESS_DIRECTOR)


def may_mark_transferable(actor: User, item: InformationItem) -> bool:
    return item.author_id == actor.pk


def may_co_direct(user: User, *, house_id: int, case: Case) -> bool:
    """A co-director is a process director of `house_id`, a house other than the case's."""
    return house_id != case.house_id and roles.has_role(user, house_id, Role.PROCESS_DIRECTOR)


def co_director_houses(user: User, case: Case) -> list[int]:
    return sorted(h for h in director_house_ids(user) if h != case.house_id)
