"""Writes to the network. Each is atomic and leaves its processing-log record where people are concerned."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEventKind
from opencasus.logbook.register import ensure_default_activities
from opencasus.network.models import Approval, House, Membership, Organisation, Partnership, Region


@transaction.atomic
def house_create(*, region: Region, name: str, city: str, email: str = "") -> House:
    """A new house with its default processing activities; its triage settings start at the model's defaults."""
    house = House.objects.create(region=region, name=name, city=city, email=email)
    ensure_default_activities(house_id=house.pk)
    return house


@transaction.atomic
def partnership_set(*, house: House, organisation: Organisation, ring: str,
                    covenant_signed_on: dt.date | None = None,
                    covenant_ended_on: dt.date | None = None) -> Partnership:
    partnership, _ = Partnership.objects.update_or_create(
        house=house, organisation=organisation,
        defaults={"ring": ring, "covenant_signed_on": covenant_signed_on, "covenant_ended_on": covenant_ended_on},
    )
    return partnership


@transaction.atomic
def membership_grant(*, user: Any, house: House, organisation: Organisation, role: str,
                     municipality: Any = None, started_on: dt.date | None = None) -> Membership:
    """The installation's own loads (demo and seed data). People grant roles through
    `opencasus.network.grants.membership_request` (four eyes)."""
    defaults: dict[str, Any] = {"municipality": municipality, "ended_on": None, "approval": Approval.APPROVED}
    if started_on:
        defaults["started_on"] = started_on
    membership, _ = Membership.objects.update_or_create(
        user=user, house=house, organisation=organisation, role=role, defaults=defaults)
    record_account_event(actor=None, subject=user, house=house, role=role, kind=AccountEventKind.ROLE_GRANTED)
    return membership
