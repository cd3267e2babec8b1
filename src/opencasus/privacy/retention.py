"""When data expires: anchor dates, periods and the list of what is due.

The rule, for every category: an item expires on `anchor + period` (calendar months, clamped to the
end of the month) and is removed by the first run on or after that date. An item whose anchor is
unknown (a case still running) never expires. Without a policy for a category nothing of it expires.

- Declined / routed / advice-only intakes: anchored on the day of the triage decision.
- Closed cases: anchored on the day of closure (a re-opened case runs again and does not expire).
- Attachments: anchored on the day the case ended (closure or triage decision).
- Minutes: the meetings app registers a source (`register_source`); the case-level cascade removes
  minutes with their case in any case.
- Processing-log records: anchored on the day of the processing (Europe/Amsterdam); removed oldest
  first per chain (see `opencasus.logbook.retention`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from django.db.models import Max, QuerySet
from django.utils import timezone

from opencasus.cases.models import Attachment, Case, StatusChange
from opencasus.cases.workflow import Status
from opencasus.logbook.chains import house_chains
from opencasus.logbook.retention import plan_purge
from opencasus.network.models import House
from opencasus.privacy.models import RetentionCategory, RetentionPolicy

CASE_CATEGORY_BY_STATUS: dict[str, str] = {
    Status.DECLINED: RetentionCategory.INTAKE_DECLINED,
    Status.ROUTED: RetentionCategory.INTAKE_ROUTED,
    Status.ADVICE_GIVEN: RetentionCategory.INTAKE_ADVICE,
    Status.CLOSED: RetentionCategory.CASE_CLOSED,
}
DECISION_STATUSES = (Status.DECLINED, Status.ROUTED, Status.ADVICE_GIVEN)
# The dry-run report also shows what goes within this many days after the run date.
REPORT_HORIZON_DAYS = 92


def add_months(day: dt.date, months: int) -> dt.date:
    result: dt.date = day + relativedelta(months=months)
    return result


def local_day(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


def last_expired_anchor(today: dt.date, months: int) -> dt.date:
    """The latest anchor day whose item has expired on `today` (add_months is monotonic)."""
    day: dt.date = today - relativedelta(months=months)
    while add_months(day + dt.timedelta(days=1), months) <= today:
        day += dt.timedelta(days=1)
    while add_months(day, months) > today:
        day -= dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class Item:
    category: str
    object_type: str
    object_id: str
    label: str
    expires_on: dt.date
    due: bool
    count: int = 1

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.category, self.object_type, self.object_id)

    def as_json(self) -> dict[str, Any]:
        return {"category": self.category, "objectType": self.object_type, "objectId": self.object_id,
                "label": self.label, "expiresOn": self.expires_on.isoformat(), "due": self.due,
                "count": self.count}


Source = Callable[[House, RetentionPolicy, dt.date, dt.date], list[Item]]
_sources: dict[str, Source] = {}
Deleter = Callable[[Item, Any], None]
_deleters: dict[str, Deleter] = {}


def register_source(category: str, find: Source, delete: Deleter) -> None:
    """Other apps add a category's items (e.g. minutes) with how to find and delete them."""
    _sources[category] = find
    _deleters[category] = delete


def policies(house: House) -> dict[str, RetentionPolicy]:
    return {p.category: p for p in RetentionPolicy.objects.filter(house=house)}


def case_end_day(case: Case, decided: dt.datetime | None) -> dt.date | None:
    """The anchor of a case: closure for closed cases, the triage decision for the others."""
    if case.status == Status.CLOSED:
        return local_day(case.closed_at) if case.closed_at else None
    if case.status in DECISION_STATUSES:
        return local_day(decided or case.last_activity_at)
    return None


def ended_cases(house: House) -> QuerySet[Case]:
    """Cases of the house that have ended, with the moment of their (last) decision."""
    return (Case.objects.filter(house=house, status__in=list(CASE_CATEGORY_BY_STATUS))
            .annotate(decided_at=Max("status_changes__changed_at"))
            .only("pk", "reference", "status", "closed_at", "last_activity_at", "house_id"))


def case_expiry(case: Case, policy_by_category: dict[str, RetentionPolicy]) -> tuple[str, dt.date] | None:
    category = CASE_CATEGORY_BY_STATUS.get(case.status)
    policy = policy_by_category.get(category) if category else None
    decided = getattr(case, "decided_at", None)
    if decided is None and case.status in DECISION_STATUSES:
        decided = (StatusChange.objects.filter(case=case, to_status=case.status)
                   .aggregate(m=Max("changed_at"))["m"])
    anchor = case_end_day(case, decided)
    if category is None or policy is None or anchor is None:
        return None
    return category, add_months(anchor, policy.period_months)


def attachment_expiry(attachment: Attachment) -> dt.date | None:
    """The day an attachment expires: its case's end plus the attachment period."""
    policy = policies(attachment.case.house).get(RetentionCategory.ATTACHMENTS)
    case = ended_cases(attachment.case.house).filter(pk=attachment.case_id).first()
    anchor = case_end_day(case, getattr(case, "decided_at", None)) if case is not None else None
    if policy is None or anchor is None:
        return None
    return add_months(anchor, policy.period_months)


def collect(house: House, today: dt.date, *, horizon_days: int = 0) -> list[Item]:
    """Everything of the house that is due on `today`, plus what falls due within the horizon."""
    policy_by_category = policies(house)
    until = today + dt.timedelta(days=horizon_days)
    items: list[Item] = []
    due_cases: set[int] = set()
    case_end: dict[int, dt.date] = {}
    for case in ended_cases(house):
        anchor = case_end_day(case, getattr(case, "decided_at", None))
        if anchor is not None:
            case_end[case.pk] = anchor
        expiry = case_expiry(case, policy_by_category)
        if expiry is None:
            continue
        category, expires_on = expiry
        if expires_on <= until:
            items.append(Item(category, "case", str(case.pk), case.reference, expires_on, expires_on <= today))
            if expires_on <= today:
                due_cases.add(case.pk)
    attachment_policy = policy_by_category.get(RetentionCategory.ATTACHMENTS)
    if attachment_policy is not None and case_end:
        for attachment in (Attachment.objects.filter(case_id__in=list(case_end)).exclude(case_id__in=due_cases)
                           .select_related("case").only("pk", "case_id", "case__reference")):
            expires_on = add_months(case_end[attachment.case_id], attachment_policy.period_months)
            if expires_on <= until:
                items.append(Item(RetentionCategory.ATTACHMENTS, "attachment", str(attachment.pk),
                                  f"{attachment.case.reference} / #{attachment.pk}", expires_on,
                                  expires_on <= today))
    for category, find in _sources.items():
        policy = policy_by_category.get(category)
        if policy is not None:
            items.extend(find(house, policy, today, until))
    log_policy = policy_by_category.get(RetentionCategory.PROCESSING_LOG)
    if log_policy is not None:
        items.extend(_log_items(house, log_policy, today))
    return sorted(items, key=lambda i: (i.expires_on, i.category, i.object_type, i.object_id))


def log_expired_before(today: dt.date, months: int) -> dt.datetime:
    """Records that started before this moment have expired on `today`."""
    day = last_expired_anchor(today, months) + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def log_expired_before_by_chain(today: dt.date) -> dict[int, dt.datetime]:
    """Per chain of every house with a log policy, the moment before which its records have expired."""
    return {chain: log_expired_before(today, months) for house_id, months in RetentionPolicy.objects.filter(
        category=RetentionCategory.PROCESSING_LOG).values_list("house_id", "period_months")
        for chain in house_chains(house_id)}


def _log_items(house: House, policy: RetentionPolicy, today: dt.date) -> list[Item]:
    items = []
    for chain in house_chains(house.pk):
        plan = plan_purge(chain=chain, expired_before=log_expired_before(today, policy.period_months))
        if plan.count == 0:
            continue
        span = f"{plan.first_sequence}-{plan.last_sequence}"
        object_id = span if chain == house.pk else f"{chain}:{span}"  # further chains of the house are named
        items.append(Item(RetentionCategory.PROCESSING_LOG, "processing-log", object_id, f"{plan.count} ({span})",
                          today, True, plan.count))
    return items
