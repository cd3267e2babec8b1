"""Reads of the national programme: the escalations raised to the national level, without the case.

What the national role sees of an escalation (`NationalEscalation`, decided in `access.national`): the question
written for the national level (checked for the names of the case's persons, numbers and dates when it was
raised), the region and house, the partner organisation, status, outcome, dates, and the answer. Never the
case, its reference, the agreement, the earlier levels or who raised or answered it. The records name no
person, so a read is logged once per house shown, without a data subject (docs/development.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import national as national_access
from opencasus.access import roles
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.plans.models import Escalation
from opencasus.plans.services._common import ACTIVITY

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass(frozen=True)
class NationalEscalation:
    id: int
    status: str
    status_label: str
    region_code: str
    region_name: str
    house_id: int
    house_name: str
    organisation_name: str
    question: str
    raised_on: dt.date
    response: str
    outcome: str
    outcome_label: str
    responded_on: dt.date | None
    version: int

    @property
    def open(self) -> bool:
        return self.status in ("open", "answered")


def _as_national(e: Escalation) -> NationalEscalation:
    house = e.case.house
    return NationalEscalation(
        id=e.pk, status=e.status, status_label=str(e.get_status_display()), region_code=house.region.code,
        region_name=house.region.name, house_id=house.pk, house_name=house.name,
        organisation_name=e.organisation.name, question=e.reason, raised_on=timezone.localdate(e.raised_at),
        response=e.response, outcome=e.outcome, outcome_label=str(e.get_outcome_display()) if e.outcome else "",
        responded_on=timezone.localdate(e.responded_at) if e.responded_at else None, version=e.version)


def _queryset(actor: User) -> QuerySet[Escalation]:
    return national_access.national_escalations(actor=actor).select_related(
        "case__house__region", "organisation").only(
        "id", "status", "reason", "raised_at", "response", "outcome", "responded_at", "version", "level",
        "case__house__id", "case__house__name", "case__house__region__code", "case__house__region__name",
        "organisation__name")


def national_escalation_queryset(*, actor: User, status: str | None = None,
                                 region_code: str | None = None) -> QuerySet[Escalation]:
    """The national escalations (none for anyone without a national grant), newest first; not logged: the
    page or API shows a page of them with `national_escalations_shown`."""
    national_access.national_check(actor=actor)
    qs = _queryset(actor)
    if status:
        qs = qs.filter(status=status)
    if region_code:
        qs = qs.filter(case__house__region__code=region_code)
    return qs.order_by("-raised_at", "-id")


def _log(actor: User, house_ids: Iterable[int], purpose: str, object_type: str, object_id: int | str) -> None:
    for house_id in sorted(set(house_ids)):
        record_processing(action=Action.VIEW, activity_code=ACTIVITY, purpose=purpose,
                          who=roles.who(actor, house_id), house_id=house_id, object_type=object_type,
                          object_id=object_id if object_id != "" else house_id)


def national_escalations_shown(*, actor: User, escalations: Iterable[Escalation],
                               purpose: str = purposes.NATIONAL_ESCALATION_LIST) -> list[NationalEscalation]:
    """A page of national escalations as the national role sees them, logged once per house shown."""
    items = [_as_national(e) for e in escalations]
    _log(actor, (i.house_id for i in items), purpose, "national-escalations", "")
    return items


def national_escalation_check(*, actor: User, escalation_id: int) -> NationalEscalation:
    """One national escalation (404 when missing, not national or not for this actor), not logged."""
    escalation = _queryset(actor).filter(pk=escalation_id).first()
    if escalation is None:
        raise Http404
    return _as_national(escalation)


def national_escalation_get(*, actor: User, escalation_id: int,
                            purpose: str = purposes.NATIONAL_ESCALATION) -> NationalEscalation:
    """One national escalation as the national role sees it, logged for its house without a data subject."""
    item = national_escalation_check(actor=actor, escalation_id=escalation_id)
    _log(actor, [item.house_id], purpose, "national-escalation", item.id)
    return item
