"""Check-backs after a "route" or "advice" decision: picked up, or the question reopened (with a note)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import followup as access
from opencasus.cases.models import Case
from opencasus.followup.models import CheckBack
from opencasus.followup.services._common import TRIAGE, check_version, log_case, require_text
from opencasus.followup.vocabulary import CHECK_BACK_TRANSITIONS, CheckBackReason, CheckBackStatus
from opencasus.logbook.models import Action
from opencasus.triage.models import Decision, Outcome

if TYPE_CHECKING:
    from opencasus.accounts.models import User

REASON_BY_OUTCOME = {Outcome.ROUTE: CheckBackReason.ROUTED, Outcome.ADVICE: CheckBackReason.ADVISED}


def default_check_back_date(decided_on: dt.date) -> dt.date:
    return decided_on + dt.timedelta(days=int(getattr(settings, "OPENCASUS_CHECK_BACK_DAYS", 28)))


def _receiver(decision: Decision) -> str:
    if decision.outcome == Outcome.ROUTE:
        label = str(decision.get_routed_to_display())
        return f"{label} ({decision.routed_to_detail})" if decision.routed_to_detail else label
    return ""


@transaction.atomic
def check_back_for_decision(*, actor: User, decision: Decision, due_date: dt.date | None = None) -> CheckBack | None:
    """Called in the decision's transaction: a routed or advised intake gets a check-back (once)."""
    reason = REASON_BY_OUTCOME.get(Outcome(decision.outcome))
    if reason is None:
        return None
    case = decision.case
    decided_on = timezone.localdate(decision.decided_at)
    if due_date is not None and due_date < decided_on:
        raise ValidationError({"check_back_date": _("The check-back date cannot lie before the decision.")},
                              code="invalid")
    check_back, created = CheckBack.objects.get_or_create(case=case, defaults={
        "house_id": case.house_id, "reason": reason, "receiver": _receiver(decision),
        "due_date": due_date or default_check_back_date(decided_on), "created_by": actor})
    if created:
        log_case(actor=actor, case=case, activity=TRIAGE, action=Action.CREATE, object_type="check-back",
                 object_id=check_back.pk)
    return check_back


def _locked(*, actor: User, check_back_id: int) -> tuple[CheckBack, Case]:
    check_back = (CheckBack.objects.select_for_update(of=("self",)).select_related("case")
                  .filter(access.case_work_filter(actor), pk=check_back_id).first())
    if check_back is None:
        raise Http404
    return check_back, check_back.case


@transaction.atomic
def check_back_reschedule(*, actor: User, check_back_id: int, due_date: dt.date,
                          expected_version: int | None) -> CheckBack:
    check_back, case = _locked(actor=actor, check_back_id=check_back_id)
    check_version(current=check_back.version, expected=expected_version)
    if check_back.status != CheckBackStatus.OPEN:
        raise ValidationError(_("This check-back was done already; its date no longer changes."),
                              code="invalid_transition")
    if due_date < timezone.localdate(check_back.created_at):
        raise ValidationError({"due_date": _("The check-back date cannot lie before the decision.")}, code="invalid")
    check_back.due_date = due_date
    check_back.version += 1
    check_back.save(update_fields=["due_date", "version"])
    log_case(actor=actor, case=case, activity=TRIAGE, action=Action.UPDATE, object_type="check-back",
             object_id=check_back.pk)
    return check_back


@transaction.atomic
def check_back_resolve(*, actor: User, check_back_id: int, status: str, note: str,
                       expected_version: int | None) -> CheckBack:
    """Confirm that the receiving table or chain picked it up, or reopen the question (a note is required)."""
    check_back, case = _locked(actor=actor, check_back_id=check_back_id)
    check_version(current=check_back.version, expected=expected_version)
    if status not in (CheckBackStatus.CONFIRMED, CheckBackStatus.REOPENED):
        raise ValidationError({"status": _("Choose: picked up, or the question is reopened.")}, code="invalid")
    CHECK_BACK_TRANSITIONS.check(check_back.status, status)
    note = (note or "").strip()
    if status == CheckBackStatus.REOPENED:
        note = require_text(field="note", text=note, message=_("Say why the question is reopened and what "
                                                                 "happens now."))
    check_back.status, check_back.note = status, note
    check_back.resolved_at, check_back.resolved_by = timezone.now(), actor
    check_back.version += 1
    check_back.save(update_fields=["status", "note", "resolved_at", "resolved_by", "version"])
    log_case(actor=actor, case=case, activity=TRIAGE, action=Action.UPDATE, object_type="check-back",
             object_id=check_back.pk)
    return check_back
