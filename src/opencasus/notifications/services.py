"""Writes of notifications. `notify` is called by the services where the events happen, inside their
transaction, so a notification exists exactly when its event committed. The e-mail for the same event
stays with the service that sends it today (`notifications.mail` builds its title and links)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from opencasus.notifications.models import Kind, Notification

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@transaction.atomic
def notify(*, user_ids: Iterable[int | None], kind: Kind | str, link: str, case_reference: str = "",
           house_id: int | None = None, on_date: dt.date | None = None, subject_key: str = "") -> list[Notification]:
    """Notify each user once about one event. With a `subject_key`, a user already notified of this kind
    about this subject is not notified again (an agreement overdue is told once)."""
    ids = sorted({uid for uid in user_ids if uid})
    if subject_key:
        told = set(Notification.objects.filter(user_id__in=ids, kind=kind, subject_key=subject_key)
                   .values_list("user_id", flat=True))
        ids = [uid for uid in ids if uid not in told]
    return Notification.objects.bulk_create([
        Notification(user_id=uid, kind=kind, link=link[:300], case_reference=case_reference[:30], house_id=house_id,
                     on_date=on_date, subject_key=subject_key[:60]) for uid in ids])


@transaction.atomic
def notification_mark_read(*, actor: User, notification_id: int) -> Notification:
    """Mark one of the actor's own notifications read; another user's is missing (404)."""
    notification = Notification.objects.select_for_update().filter(pk=notification_id, user_id=actor.pk).first()
    if notification is None:
        raise Http404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: User) -> int:
    return Notification.objects.filter(user_id=actor.pk, read_at__isnull=True).update(read_at=timezone.now())
