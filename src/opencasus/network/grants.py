"""Role grants with four eyes.

Nobody grants themselves a role. A grant of a role that sees case content, or that approves or
administers grants (`APPROVAL_REQUIRED_ROLES`), is stored as pending and takes effect only when a
second person approves it: a house manager of that house, or a functional administrator of that house
(or the installation's technical administrator) — never the requester and never the person it is for.
Pending and refused grants count nowhere: `Membership.objects.active()` returns approved ones only.

Every request, grant, approval, refusal, change and end is written to the audit trail of accounts in
the same transaction. Account events are not processing of case data and do not go to the processing log.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEventKind
from opencasus.network.models import APPROVAL_REQUIRED_ROLES, Approval, House, Membership, Organisation, Role

if TYPE_CHECKING:
    from opencasus.accounts.models import User

if TYPE_CHECKING:
    from opencasus.accounts.models import User


class GrantError(Exception):
    """A grant decision that is not allowed; the message is for the user (Dutch through translations)."""

    def __init__(self, message: Any, *, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


def _active_role(user: Any, house_id: int, *role_values: str) -> bool:
    return Membership.objects.active().filter(user=user, house_id=house_id, role__in=role_values).exists()


def may_request(actor: User, house: House) -> bool:
    """Functional administrators of the house and the technical administrator ask for grants."""
    return bool(getattr(actor, "is_superuser", False)) or _active_role(actor, house.pk, Role.FUNCTIONAL_ADMINISTRATOR)


def may_decide(actor: User, membership: Membership) -> bool:
    """A house manager or functional administrator of the house (or the technical administrator) who is
    neither the requester nor the person the grant is for."""
    if actor is None or not actor.is_authenticated:
        return False
    if actor.pk in {membership.requested_by_id, membership.user_id}:
        return False
    return bool(actor.is_superuser) or _active_role(
        actor, membership.house_id, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR)


def sees_grants(actor: User) -> bool:
    """House managers and functional administrators (and the technical administrator) see role requests."""
    if actor is None or not actor.is_authenticated:
        return False
    houses = decidable_house_ids(actor)
    return houses is None or bool(houses)


def decidable_house_ids(actor: User) -> set[int] | None:
    """Houses whose pending grants the actor may see and decide (None: all)."""
    if getattr(actor, "is_superuser", False):
        return None
    return set(Membership.objects.active().filter(
        user=actor, role__in=[Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR]).values_list("house_id", flat=True))


@transaction.atomic
def membership_request(*, actor: User, user: Any, house: House, organisation: Organisation, role: str,
                       municipality: Any = None, started_on: dt.date | None = None) -> Membership:
    """Ask for (or, for an aggregate-only role, grant) a role in a house for someone else."""
    if actor is not None and actor.pk == user.pk:
        raise GrantError(_("Nobody can grant themselves a role."), field="user")
    if actor is not None and not may_request(actor, house):
        raise GrantError(_("You cannot grant roles in this house."), field="house")
    if role not in Role.values:
        raise GrantError(_("Choose a role from the list."), field="role")
    if role == Role.AFTERCARE_COORDINATOR and municipality is None:
        raise GrantError(_("An after-care coordinator acts for one municipality: choose it."), field="municipality")
    needs_approval = role in APPROVAL_REQUIRED_ROLES
    defaults: dict[str, Any] = {
        "municipality": municipality, "ended_on": None, "requested_by": actor, "requested_at": timezone.now(),
        "approval": Approval.PENDING if needs_approval else Approval.APPROVED,
        "decided_by": None, "decided_at": None, "decision_reason": "",
    }
    if started_on:
        defaults["started_on"] = started_on
    membership, _created = Membership.objects.select_for_update().update_or_create(
        user=user, house=house, organisation=organisation, role=role, defaults=defaults)
    record_account_event(actor=actor, subject=user, house=house, role=role,
                         kind=AccountEventKind.ROLE_REQUESTED if needs_approval else AccountEventKind.ROLE_GRANTED,
                         detail=str(organisation))
    return membership


def _locked_pending(membership: Membership) -> Membership:
    locked = Membership.objects.select_for_update().select_related("house", "user").get(pk=membership.pk)
    if locked.approval != Approval.PENDING:
        raise GrantError(_("This grant has already been decided."))
    return locked


@transaction.atomic
def membership_approve(*, actor: User, membership: Membership, reason: str = "") -> Membership:
    locked = _locked_pending(membership)
    if not may_decide(actor, locked):
        raise GrantError(_("A grant is approved by a second person: a house manager or another functional "
                           "administrator of the house, not the requester."))
    locked.approval = Approval.APPROVED
    locked.decided_by, locked.decided_at, locked.decision_reason = actor, timezone.now(), reason.strip()
    locked.save(update_fields=["approval", "decided_by", "decided_at", "decision_reason"])
    record_account_event(actor=actor, subject=locked.user, house=locked.house, role=locked.role,
                         kind=AccountEventKind.ROLE_APPROVED, approved_by=actor, detail=locked.decision_reason)
    return locked


@transaction.atomic
def membership_refuse(*, actor: User, membership: Membership, reason: str) -> Membership:
    if not reason.strip():
        raise GrantError(_("Give the reason for refusing."), field="reason")
    locked = _locked_pending(membership)
    if not may_decide(actor, locked):
        raise GrantError(_("A grant is refused by a second person: a house manager or another functional "
                           "administrator of the house, not the requester."))
    locked.approval = Approval.REFUSED
    locked.decided_by, locked.decided_at, locked.decision_reason = actor, timezone.now(), reason.strip()
    locked.save(update_fields=["approval", "decided_by", "decided_at", "decision_reason"])
    record_account_event(actor=actor, subject=locked.user, house=locked.house, role=locked.role,
                         kind=AccountEventKind.ROLE_REFUSED, detail=locked.decision_reason)
    return locked


@transaction.atomic
def membership_change(*, actor: User, membership: Membership, ended_on: dt.date | None,
                      municipality: Any = None) -> Membership:
    """What may change without a new approval: the end date and a municipality officer's municipality.
    Another role, house, organisation or person is a new grant (`membership_request`)."""
    if actor is not None and actor.pk == membership.user_id:
        raise GrantError(_("Nobody can change their own role."), field="user")
    locked = Membership.objects.select_for_update().select_related("house", "user").get(pk=membership.pk)
    changed = []
    if locked.ended_on != ended_on:
        locked.ended_on = ended_on
        changed.append("ended_on")
    if locked.municipality_id != (municipality.pk if municipality else None):
        locked.municipality = municipality
        changed.append("municipality")
    if changed:
        locked.save(update_fields=changed)
        kind = AccountEventKind.ROLE_ENDED if changed == ["ended_on"] and ended_on else AccountEventKind.ROLE_CHANGED
        record_account_event(actor=actor, subject=locked.user, house=locked.house, role=locked.role, kind=kind,
                             detail=f"einddatum {ended_on:%d-%m-%Y}" if ended_on else "")
    return locked


@transaction.atomic
def membership_end(*, actor: User, membership: Membership, ended_on: dt.date | None = None) -> Membership:
    return membership_change(actor=actor, membership=membership, ended_on=ended_on or timezone.localdate(),
                             municipality=membership.municipality)


def grants_for(actor: User) -> Any:
    """Grants the actor may see: those of houses where they decide, and those they requested."""
    from django.db.models import Q

    qs = Membership.objects.select_related("user", "house", "organisation", "requested_by", "decided_by")
    houses = decidable_house_ids(actor)
    if houses is None:
        return qs
    return qs.filter(Q(house_id__in=houses) | Q(requested_by=actor))


def grant_find(actor: User, membership_id: int) -> Membership | None:
    """One of the grants the actor may see, or None."""
    found: Membership | None = grants_for(actor).filter(pk=membership_id).first()
    return found


def grant_list(actor: User, *, approval: str | None = None) -> Any:
    """The grants the actor may see, newest request first; `approval`: only in that state."""
    qs = grants_for(actor).order_by("-requested_at", "-pk")
    return qs.filter(approval=approval) if approval else qs


def pending_grants(actor: User) -> list[Membership]:
    """The visible grants awaiting a decision, oldest request first."""
    return list(grants_for(actor).filter(approval=Approval.PENDING).order_by("requested_at"))


def decided_grants(actor: User, *, limit: int = 50) -> Any:
    """The visible grants decided on, latest decision first."""
    return grants_for(actor).exclude(approval=Approval.PENDING).exclude(decided_at=None).order_by("-decided_at")[:limit]


def house_account_events(*, house_id: int) -> Any:
    """The audit trail of one house: its role grants, and account and token events of its (former) members."""
    from django.db.models import Q

    from opencasus.accounts.models import AccountEvent

    members = Membership.objects.filter(house_id=house_id).values("user_id")
    return AccountEvent.objects.filter(Q(house_id=house_id) | Q(house__isnull=True, subject_id__in=members))


def administered_user_ids(actor: User) -> Any:
    """Users whose API tokens the actor administers: members of the houses where the actor is functional
    administrator (None: everyone, for the technical administrator)."""
    if actor.is_superuser:
        return None
    houses = Membership.objects.active().filter(user=actor, role=Role.FUNCTIONAL_ADMINISTRATOR).values("house_id")
    return Membership.objects.filter(house_id__in=houses).values("user_id")
