"""Reads of notifications: a user sees only their own. A page of notifications shows case references,
so it is logged like "my cases": one record per house shown, without a data subject."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from opencasus.access import roles
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Processing, record_processing_many
from opencasus.notifications.models import Notification

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def notification_list(*, actor: User, unread_only: bool = False) -> QuerySet[Notification]:
    if actor is None or not actor.is_authenticated:
        return Notification.objects.none()
    qs = Notification.objects.filter(user_id=actor.pk)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("-created_at", "-id")


def unread_count(*, actor: User) -> int:
    return notification_list(actor=actor, unread_only=True).count()


def record_notification_list_view(*, actor: User, notifications: Iterable[Notification]) -> None:
    house_ids = sorted({n.house_id for n in notifications if n.house_id and n.case_reference})
    record_processing_many([Processing(
        action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose=purposes.MY_NOTIFICATIONS,
        who=roles.who(actor, house_id), house_id=house_id, object_type="notification-list") for house_id in house_ids])
