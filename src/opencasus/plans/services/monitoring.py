"""Monitoring: overdue agreements become late, and e-mail reminders for them and for due evaluations.

Run daily by the Celery beat schedule (production) or `manage.py send_reminders` (embedded default).
A reminder goes once per subject, recipient and day (a unique row in `ReminderSent`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from opencasus.accounts.models import User
from opencasus.cases.models import Participant
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.core.events import MonthFiguresChanged
from opencasus.logbook.models import Action
from opencasus.logbook.services import Who
from opencasus.network.models import Membership, Role
from opencasus.notifications.mail import site_url
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.plans.models import Agreement, Evaluation, Plan, ReminderSent
from opencasus.plans.services._common import log
from opencasus.plans.vocabulary import PENDING_STATUSES, AgreementStatus, ReminderKind
from opencasus.plans.workflow import Mover, may_move

SYSTEM = Who.system("plan-monitoring")


def overdue_agreements(today: dt.date | None = None) -> QuerySet[Agreement]:
    today = today or timezone.localdate()
    return Agreement.objects.filter(status__in=PENDING_STATUSES, deadline__lt=today, case__status=Status.ADMITTED)


def due_plans(today: dt.date | None = None) -> QuerySet[Plan]:
    """Plans whose evaluation date has come without an evaluation on or after it."""
    today = today or timezone.localdate()
    done = Evaluation.objects.filter(plan=OuterRef("pk"), evaluated_on__gte=OuterRef("evaluation_date"))
    return Plan.objects.filter(evaluation_date__lte=today, case__status=Status.ADMITTED).filter(~Exists(done))


def mark_overdue(today: dt.date | None = None) -> int:
    """Open agreements past their deadline become late (one locked, logged write each)."""
    count = 0
    for pk in overdue_agreements(today).filter(status=AgreementStatus.OPEN).values_list("pk", flat=True):
        with transaction.atomic():
            agreement = Agreement.objects.select_for_update().select_related("case").get(pk=pk)
            if not may_move(agreement.status, AgreementStatus.LATE, Mover.SYSTEM):
                continue
            agreement.status = AgreementStatus.LATE
            agreement.version += 1
            agreement.updated_at = timezone.now()
            agreement.save(update_fields=["status", "version", "updated_at"])
            events.publish(MonthFiguresChanged.of(house_id=agreement.house_id, days=[agreement.deadline]))
            events.publish(events.AgreementOverdue(agreement_id=agreement.pk, case_id=agreement.case_id,
                                                   house_id=agreement.house_id))
            log(actor=None, case=agreement.case, action=Action.UPDATE, object_type="agreement", object_id=pk,
                who=SYSTEM)
            count += 1
    return count


def _process_directors(house_id: int) -> list[int]:
    return list(Membership.objects.active().filter(house_id=house_id, role=Role.PROCESS_DIRECTOR)
                .values_list("user_id", flat=True))


def agreement_recipients(agreement: Agreement) -> set[int]:
    """The owner (or, without a named owner, the owner organisation's participants) and the process directors."""
    owners: set[int] = set()
    if agreement.owner_user_id:
        owners.add(agreement.owner_user_id)
    else:
        owners.update(Participant.objects.active().filter(
            case_id=agreement.case_id, organisation_id=agreement.owner_organisation_id, user__isnull=False)
            .values_list("user_id", flat=True))
    return owners | set(_process_directors(agreement.case.house_id))


@dataclass
class Item:
    kind: str
    object_id: int
    case: Any
    line: str


@dataclass
class Report:
    marked_late: int = 0
    emails: int = 0
    items: int = 0
    skipped: int = 0
    recipients: list[str] = field(default_factory=list)


def _site_url() -> str:
    return site_url()


def send_reminders(*, today: dt.date | None = None) -> Report:
    """Mark late agreements and e-mail each recipient once a day about what is overdue or due.

    The e-mail names the case reference, the deadline and a link, not what the agreement is about:
    e-mail leaves the system, the content stays behind the login.
    """
    today = today or timezone.localdate()
    report = Report(marked_late=mark_overdue(today))
    site = _site_url()
    per_user: dict[int, list[Item]] = defaultdict(list)
    with override(settings.LANGUAGE_CODE):
        for agreement in overdue_agreements(today).select_related("case", "case__house", "owner_organisation"):
            line = _("Agreement of %(org)s in case %(ref)s: deadline %(deadline)s passed — %(url)s") % {
                "org": agreement.owner_organisation.name, "ref": agreement.case.reference,
                "deadline": date_format(agreement.deadline, "j F Y"),
                "url": site + reverse("plans:agreement", args=[agreement.pk])}
            recipients = agreement_recipients(agreement)
            notify(user_ids=recipients - set(_process_directors(agreement.case.house_id)),
                   kind=Kind.AGREEMENT_OVERDUE, link=reverse("plans:agreement", args=[agreement.pk]),
                   case_reference=agreement.case.reference, house_id=agreement.case.house_id,
                   on_date=agreement.deadline, subject_key=f"agreement-{agreement.pk}-{agreement.deadline:%Y%m%d}")
            for user_id in recipients:
                per_user[user_id].append(Item(ReminderKind.AGREEMENT_OVERDUE, agreement.pk, agreement.case, line))
        for plan in due_plans(today).select_related("case", "case__house"):
            assert plan.evaluation_date is not None
            line = _("Evaluation of the plan of case %(ref)s due since %(date)s — %(url)s") % {
                "ref": plan.case.reference, "date": date_format(plan.evaluation_date, "j F Y"),
                "url": site + reverse("plans:plan", args=[plan.case_id])}
            users = set(_process_directors(plan.case.house_id))
            if plan.director_user_id:
                users.add(plan.director_user_id)
            for user_id in users:
                per_user[user_id].append(Item(ReminderKind.EVALUATION_DUE, plan.pk, plan.case, line))
        accounts = User.objects.in_bulk(list(per_user))
        for user_id, items in per_user.items():
            user = accounts.get(user_id)
            if user is None or not user.email or not user.is_active:
                report.skipped += len(items)
                continue
            _send_one(user, items, today, report)
    return report


def _send_one(user: Any, items: list[Item], today: dt.date, report: Report) -> None:
    try:
        with transaction.atomic():
            fresh = []
            for item in items:
                try:
                    with transaction.atomic():
                        ReminderSent.objects.create(kind=item.kind, case=item.case, object_id=item.object_id,
                                                    recipient=user, sent_on=today)
                    fresh.append(item)
                except IntegrityError:
                    report.skipped += 1  # already reminded today
            if not fresh:
                return
            body = "\n".join([_("Dear %(name)s,") % {"name": user.get_full_name() or user.username}, "",
                              _("The following needs your attention in Open Casus:"), "",
                              *[f"- {i.line}" for i in fresh], ""])
            for case in {i.case.pk: i.case for i in fresh}.values():
                log(actor=None, case=case, action=Action.EXPORT, object_type="reminder", object_id=user.pk,
                    who=SYSTEM)
            send_mail(_("Open Casus: agreements and evaluations that need attention"), body,
                      settings.DEFAULT_FROM_EMAIL, [user.email])
            report.emails += 1
            report.items += len(fresh)
            report.recipients.append(user.username)
    except OSError:
        report.skipped += len(items)  # mail server down: nothing recorded, tried again next run
