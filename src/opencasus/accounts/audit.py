"""The audit trail of accounts: who granted, changed, approved, refused or ended which role, and which
accounts and API tokens were created or revoked.

Account events are not processing of case data, so they are not written to the processing log
(`opencasus.logbook`); they go here, in the same transaction as the change they record. The privacy
officer searches and exports the trail (`accounts.views_audit`, `GET /api/v1/account-events`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from opencasus.accounts.models import AccountEvent

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _name(user: Any) -> str:
    if user is None:
        return ""
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return f"{full} ({user.get_username()})" if full else user.get_username()


def record_account_event(*, actor: User | None, subject: Any, kind: str, house: Any = None, role: str = "",
                         approved_by: Any = None, detail: str = "") -> AccountEvent:
    """Append one event. Call it inside the transaction of the change it records.

    `actor` None (an empty name in the trail) means the installation itself: a data load or a command."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return AccountEvent.objects.create(
        kind=kind, actor=actor, actor_name=_name(actor),
        subject=subject, subject_name=_name(subject),
        house=house, house_name=str(house) if house is not None else "",
        role=role or "", approved_by=approved_by, approved_by_name=_name(approved_by), detail=detail[:500],
    )


def account_events(*, base: QuerySet[AccountEvent] | None = None, person: str = "", role: str = "",
                   house_id: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
                   kind: str = "") -> QuerySet[AccountEvent]:
    """The trail, filtered. `person` matches the actor, the subject or the approver by (user)name."""
    qs = AccountEvent.objects.all() if base is None else base
    if person:
        qs = qs.filter(Q(actor_name__icontains=person) | Q(subject_name__icontains=person)
                       | Q(approved_by_name__icontains=person))
    if role:
        qs = qs.filter(role=role)
    if kind:
        qs = qs.filter(kind=kind)
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if since is not None:
        qs = qs.filter(at__date__gte=since)
    if until is not None:
        qs = qs.filter(at__date__lte=until)
    return qs


CSV_HEADER = ["tijdstip", "gebeurtenis", "door", "betreft", "rol", "huis", "goedgekeurd door", "toelichting"]


def account_events_csv(events: QuerySet[AccountEvent], *, role_labels: dict[str, Any]) -> str:
    labels = role_labels
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    for e in events.iterator():
        writer.writerow([timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"), str(e.get_kind_display())] + [
            _csv_safe(str(v)) for v in (e.actor_name, e.subject_name, labels.get(e.role, e.role), e.house_name,
                                        e.approved_by_name, e.detail)])
    return out.getvalue()


def _csv_safe(value: str) -> str:
    """No spreadsheet formulas from free text."""
    return "'" + value if value[:1] in {"=", "+", "-", "@"} else value

