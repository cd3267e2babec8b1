"""Who sees and does what in the Top X approach (`opencasus.topx`). Only houses that run the approach count
(`network.HouseApproach`): in a house that switched it off, everything answers 404.

- Lists with their inclusion and exit criteria (house configuration, no personal data): core staff, the house
  manager and the partner professionals of the house see them; core staff and the house manager keep them.
- Candidates (persons): core staff of the house see every candidate; a professional who takes part in the case
  a candidate is linked to sees that candidate (through the case policy, `visible_cases`); a partner who proposed
  a candidate sees its status (while they still hold a role in the house for the proposing organisation).
- Proposing: a partner professional (or core staff member) of the house, for an organisation they hold that role
  for. Importing the police list, deciding and reviewing: core staff of the house.

Everyone else sees nothing; a record outside these filters answers 404, exactly like a missing one.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from django.db.models import Q

from opencasus.access import roles
from opencasus.access.policy import FILING_ROLES, CaseAccess, visible_cases
from opencasus.network.models import CORE_STAFF_ROLES, Approach, HouseApproach, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.topx.models import Candidate

NOTHING = Q(pk__in=[])
LIST_READERS = frozenset({*CORE_STAFF_ROLES, Role.HOUSE_MANAGER, Role.PARTNER_PROFESSIONAL})
LIST_KEEPERS = frozenset({*CORE_STAFF_ROLES, Role.HOUSE_MANAGER})


class CandidateAccess(IntEnum):
    NONE = 0
    PROPOSER = 1  # the status of their own proposal
    PARTICIPANT = 2  # takes part in the linked case
    CORE = 3


def _running(house_ids: set[int]) -> set[int]:
    # `network.approaches.houses_running`, read here from the model (access sits below `network`).
    if not house_ids:
        return set()
    return set(HouseApproach.objects.filter(house_id__in=house_ids, approach=Approach.TOP_X, enabled=True)
               .values_list("house_id", flat=True))


def running_house_ids(actor: User, *role_set: str) -> set[int]:
    """The houses where the actor holds one of `role_set` and that run Top X."""
    return _running(roles.house_ids_with_role(actor, *role_set))


def core_house_ids(actor: User) -> set[int]:
    return running_house_ids(actor, *CORE_STAFF_ROLES)


def list_filter(actor: User) -> Q:
    houses = running_house_ids(actor, *LIST_READERS)
    return Q(house_id__in=houses) if houses else NOTHING


def may_keep_lists(actor: User, house_id: int) -> bool:
    return house_id in running_house_ids(actor, *LIST_KEEPERS)


def keeper_house_ids(actor: User) -> set[int]:
    return running_house_ids(actor, *LIST_KEEPERS)


def may_work_candidates(actor: User, house_id: int) -> bool:
    """Import, decide and review: core staff of a house that runs Top X."""
    return house_id in core_house_ids(actor)


def proposing_pairs(actor: User) -> list[tuple[int, int]]:
    """(house id, organisation id) the actor may propose candidates for."""
    pairs = {(g.house_id, g.organisation_id) for g in roles.grants(actor) if g.role in FILING_ROLES}
    running = _running({h for h, _o in pairs})
    return sorted((h, o) for h, o in pairs if h in running)


def may_propose(actor: User, *, house_id: int, organisation_id: int) -> bool:
    return (house_id, organisation_id) in proposing_pairs(actor)


def candidate_filter(actor: User) -> Q:
    core = core_house_ids(actor)
    q = Q(house_id__in=core) if core else NOTHING
    running = _running({g.house_id for g in roles.grants(actor)})
    if not running:
        return q
    participant_cases = visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).exclude(house_id__in=core)
    q |= Q(house_id__in=running, case_id__in=participant_cases.values("pk"))
    for house_id, organisation_id in proposing_pairs(actor):
        if house_id not in core:
            q |= Q(house_id=house_id, proposed_by_id=actor.pk, proposed_by_organisation_id=organisation_id)
    return q


def candidate_level(actor: User, candidate: Candidate) -> CandidateAccess:
    """The object-level check, for a candidate already found through `candidate_filter`."""
    if candidate.house_id in core_house_ids(actor):
        return CandidateAccess.CORE
    if candidate.case_id is not None and visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).filter(
            pk=candidate.case_id).exists():
        return CandidateAccess.PARTICIPANT
    if candidate.proposed_by_id == actor.pk and may_propose(
            actor, house_id=candidate.house_id, organisation_id=candidate.proposed_by_organisation_id):
        return CandidateAccess.PROPOSER
    return CandidateAccess.NONE


def may_see_lists(actor: User) -> bool:
    return bool(running_house_ids(actor, *LIST_READERS))


def core_staff_user_ids(house_id: int) -> list[int]:
    """The recipients of a signal to the house's core staff."""
    from opencasus.network.models import Membership

    return sorted(set(Membership.objects.active().filter(house_id=house_id, role__in=CORE_STAFF_ROLES)
                      .values_list("user_id", flat=True)))
