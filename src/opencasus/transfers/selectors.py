"""Reads of transfers and co-directors. Each starts from `opencasus.access.transfers` (or the case policy) and
logs what it shows in the processing logs of both houses involved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import capacities, policy, roles
from opencasus.access import transfers as access
from opencasus.cases.models import Case, InformationItem
from opencasus.cases.services import case_subjects
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing_many
from opencasus.network.models import House, Membership, Municipality, Organisation, Partnership, Role
from opencasus.transfers.models import CoDirector, Transfer
from opencasus.transfers.services._common import log_both
from opencasus.transfers.vocabulary import TransferStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def transfer_list(*, actor: User, direction: str | None = None, status: str | None = None,
                  house_id: int | None = None) -> QuerySet[Transfer]:
    """Transfers the actor may see: "incoming" (to a house they direct) or "outgoing" (from their houses)."""
    qs = Transfer.objects.filter(access.transfer_filter(actor))
    if direction == "incoming":
        qs = qs.filter(access.incoming_filter(actor))
    elif direction == "outgoing":
        qs = qs.filter(from_house_id__in=capacities.core_staff_house_ids(actor))
    if status:
        qs = qs.filter(status=status)
    if house_id is not None:
        qs = qs.filter(from_house_id=house_id) | qs.filter(to_house_id=house_id)
    return qs.select_related("from_house", "to_house", "new_case").order_by("-proposed_at", "-id")


def record_transfer_list_view(*, actor: User, transfers: Iterable[Transfer]) -> None:
    """A list of transfers shows references and houses, no persons: one record per house shown."""
    houses = sorted({h for t in transfers for h in (t.from_house_id, t.to_house_id)})
    record_processing_many([Processing(
        action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose=purposes.TRANSFER_LIST,
        who=roles.who(actor, house), house_id=house, object_type="transfer-list") for house in houses])


def incoming_count(*, actor: User) -> int:
    """Proposals awaiting a decision of the actor's houses (no log: a count)."""
    return Transfer.objects.filter(access.incoming_filter(actor), status=TransferStatus.PROPOSED).count()


def transfer_check(*, actor: User, transfer_id: int) -> Transfer:
    """The transfer, 404 when hidden or missing; not logged (it decides access for a write or a form)."""
    transfer = (Transfer.objects.filter(access.transfer_filter(actor), pk=transfer_id)
                .select_related("case", "from_house", "to_house", "new_case", "proposed_by", "decided_by").first())
    if transfer is None:
        raise Http404
    return transfer


def transfer_get(*, actor: User, transfer_id: int) -> Transfer:
    """The transfer summary (what goes along, never the case itself), logged in both houses."""
    transfer = transfer_check(actor=actor, transfer_id=transfer_id)
    log_both(actor=actor, transfer=transfer, action=Action.VIEW)
    return transfer


def transfer_items(transfer: Transfer) -> QuerySet[InformationItem]:
    """The information items that go (or went) along: for the summary, life domain, organisation and legal basis."""
    return transfer.information_items.select_related("organisation").order_by("pk")


def may_decide(*, actor: User, transfer: Transfer) -> bool:
    return transfer.status == TransferStatus.PROPOSED and access.may_decide(actor, transfer)


def may_propose(*, actor: User, case: Case) -> bool:
    return access.may_direct(actor, case)


def proposable_houses(*, actor: User, case: Case) -> QuerySet[House]:
    """Every other house of the country, grouped by region."""
    return House.objects.exclude(pk=case.house_id).select_related("region").order_by("region__name", "name")


def transferable_items(*, case: Case) -> QuerySet[InformationItem]:
    """Items of a case their contributors marked transferable (for the proposal form of core staff)."""
    return InformationItem.objects.filter(case=case, transferable=True).select_related("organisation")


def case_transfers(*, case: Case) -> QuerySet[Transfer]:
    """The transfers of a case (for its workspace, read with the case)."""
    return Transfer.objects.filter(case=case).select_related("to_house", "new_case").order_by("-proposed_at")


def transferred_in(*, case: Case) -> Transfer | None:
    return Transfer.objects.filter(new_case=case).select_related("from_house").first()


def open_transfer(*, case: Case) -> Transfer | None:
    return Transfer.objects.filter(case=case, status=TransferStatus.PROPOSED).first()


def region_municipalities(*, transfer: Transfer) -> QuerySet[Municipality]:
    """The municipalities of the receiving house's region (where the new case is registered)."""
    return Municipality.objects.filter(region_id=transfer.to_house.region_id).order_by("name")


# Co-directors ------------------------------------------------------------------------------------------------

def co_director_list(*, actor: User, case_id: int) -> tuple[Case, list[CoDirector]]:
    """The active co-directors of a case (core level, co-directors included); logged in the case's house."""
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.CORE)
    items = list(CoDirector.objects.active().filter(case=case).select_related("user", "house"))
    record_processing_many([Processing(
        action=Action.VIEW, activity_code=ActivityCode.ACTION_PLAN, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=tuple(case_subjects(case)),
        object_type="co-director-list", object_id=case.pk, case_id=case.pk)])
    return case, items


def co_director_candidates(*, case: Case) -> QuerySet[Membership]:
    """Process directors of other houses (active grants)."""
    return (Membership.objects.active().filter(role=Role.PROCESS_DIRECTOR).exclude(house_id=case.house_id)
            .select_related("user", "house").order_by("house__name", "user__last_name"))


def co_director_of(*, actor: User, case: Case) -> CoDirector | None:
    return CoDirector.objects.active().filter(case=case, user=actor).select_related("house").first()


def co_house_organisations(*, co: CoDirector) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=Partnership.objects.filter(house_id=co.house_id)
                                       .values("organisation_id")).order_by("name")


def proposal_case(*, actor: User, case_id: int, log: bool = True) -> Case:
    """The case for the proposal form (process direction of its house, 404 otherwise); the page shows its
    reference and the summaries of its transferable items, logged as a read in the case's house."""
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.CORE)
    if not access.may_direct(actor, case):
        raise Http404
    if log:
        record_processing_many([Processing(
            action=Action.VIEW, activity_code=ActivityCode.ACTION_PLAN, purpose=case.purpose or case.requested_purpose,
            who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=tuple(case_subjects(case)),
            object_type="transfer-form", object_id=case.pk, case_id=case.pk)])
    return case


def co_director_case(*, actor: User, case_id: int) -> tuple[Case, bool, CoDirector | None]:
    """The case for the co-direction page (core level, co-directors included): may the actor add co-directors,
    and their own co-direction if they are one."""
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.CORE)
    return case, access.may_direct(actor, case), co_director_of(actor=actor, case=case)


def transfer_items_loaded(transfer: Transfer) -> Transfer:
    """The transfer with its items' organisations loaded (for the answer)."""
    transfer.__dict__.setdefault("_prefetched_objects_cache", {})
    transfer._prefetched_objects_cache["information_items"] = transfer_items(transfer)  # type: ignore[attr-defined]
    return transfer


def co_director_require(*, actor: User, case_id: int, co_director_id: int) -> None:
    """404 unless the co-direction belongs to a case the actor directs (no log: it decides a write)."""
    case, may_add, _mine = co_director_case(actor=actor, case_id=case_id)
    if not may_add or not CoDirector.objects.active().filter(pk=co_director_id, case=case).exists():
        raise Http404
