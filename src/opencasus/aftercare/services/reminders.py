"""The daily signal of overdue after-care items: the owner professional, or else the owner organisation's
professionals in the house, and the house's process directors are notified once per item and deadline (the
notification names the case reference and the deadline, never what the item is about)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from opencasus.aftercare.models import TimelineItem
from opencasus.aftercare.vocabulary import ItemStatus
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.network.approaches import houses_running
from opencasus.network.models import Approach, Membership, Role
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify


def overdue_items(today: dt.date) -> list[TimelineItem]:
    items = list(TimelineItem.objects.filter(status=ItemStatus.OPEN, deadline__lt=today, reminded_on__isnull=True,
                                             case__status__in=ACTIVE_STATUSES).select_related("case"))
    running = houses_running(approach=Approach.AFTERCARE, house_ids={i.house_id for i in items})
    return [i for i in items if i.house_id in running]


@transaction.atomic
def signal_overdue_items(*, today: dt.date | None = None) -> int:
    """Notify about every open item past its deadline that was not signalled yet; returns how many items."""
    today = today or timezone.localdate()
    items = overdue_items(today)
    for item in items:
        users: set[int | None] = set(Membership.objects.active().filter(
            house_id=item.house_id, role=Role.PROCESS_DIRECTOR).values_list("user_id", flat=True))
        if item.owner_user_id:
            users.add(item.owner_user_id)
        elif item.owner_organisation_id:
            users |= set(Membership.objects.active().filter(
                house_id=item.house_id, organisation_id=item.owner_organisation_id,
                role=Role.PARTNER_PROFESSIONAL).values_list("user_id", flat=True))
        notify(user_ids=users, kind=Kind.AFTERCARE_OVERDUE, link=reverse("aftercare:timeline", args=[item.case_id]),
               case_reference=item.case.reference, house_id=item.house_id, on_date=item.deadline,
               subject_key=f"aftercare-{item.pk}-{item.deadline:%Y%m%d}")
        item.reminded_on = today
    TimelineItem.objects.bulk_update(items, ["reminded_on"])
    return len(items)
