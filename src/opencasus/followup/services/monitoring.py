"""Handing a closed case back down to the municipality's local person-centred approach under monitoring, and
recording the last check."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import followup as access
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.workflow import Status
from opencasus.followup.models import MonitoringPeriod
from opencasus.followup.services._common import MONITORING, check_version, log_case, require_text
from opencasus.followup.vocabulary import MONITORING_TRANSITIONS, LastCheckResult, MonitoringStatus
from opencasus.logbook.models import Action

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MAX_MONITORING_DAYS = 366


def _check_date(*, starts_on: dt.date, last_check_date: dt.date) -> None:
    if last_check_date <= starts_on:
        raise ValidationError({"last_check_date": _("The last check lies after the start of the monitoring.")},
                              code="invalid")
    if last_check_date > starts_on + dt.timedelta(days=MAX_MONITORING_DAYS):
        raise ValidationError({"last_check_date": _("Monitoring lasts a year at most: choose an earlier date.")},
                              code="invalid")


@transaction.atomic
def monitoring_start(*, actor: User, case_id: int, local_approach: str, last_check_date: dt.date,
                     note: str = "") -> MonitoringPeriod:
    """Core staff hand a closed case down to the local approach; the house checks once more on a date."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if case.status != Status.CLOSED:
        raise ValidationError(_("Only a closed case can be handed down under monitoring: close it first."),
                              code="invalid_transition")
    if MonitoringPeriod.objects.filter(case=case, status=MonitoringStatus.RUNNING).exists():
        raise ValidationError(_("This case is under monitoring already."), code="invalid_transition")
    local_approach = require_text(field="local_approach", text=local_approach,
                                  message=_("Name the local approach that takes the case on."))
    today = timezone.localdate()
    _check_date(starts_on=today, last_check_date=last_check_date)
    period = MonitoringPeriod.objects.create(
        case=case, house_id=case.house_id, municipality_id=case.municipality_id, local_approach=local_approach,
        note=(note or "").strip(), starts_on=today, last_check_date=last_check_date, started_by=actor)
    log_case(actor=actor, case=case, activity=MONITORING, action=Action.CREATE, object_type="monitoring-period",
             object_id=period.pk)
    return period


def _locked(*, actor: User, period_id: int) -> MonitoringPeriod:
    period = (MonitoringPeriod.objects.select_for_update(of=("self",)).select_related("case")
              .filter(access.case_work_filter(actor), pk=period_id).first())
    if period is None:
        raise Http404
    return period


@transaction.atomic
def monitoring_reschedule(*, actor: User, period_id: int, last_check_date: dt.date,
                          expected_version: int | None) -> MonitoringPeriod:
    period = _locked(actor=actor, period_id=period_id)
    check_version(current=period.version, expected=expected_version)
    if period.status != MonitoringStatus.RUNNING:
        raise ValidationError(_("The last check was recorded already; the date no longer changes."),
                              code="invalid_transition")
    _check_date(starts_on=period.starts_on, last_check_date=last_check_date)
    period.last_check_date = last_check_date
    period.version += 1
    period.save(update_fields=["last_check_date", "version"])
    log_case(actor=actor, case=period.case, activity=MONITORING, action=Action.UPDATE,
             object_type="monitoring-period", object_id=period.pk)
    return period


@transaction.atomic
def monitoring_last_check(*, actor: User, period_id: int, result: str, note: str,
                          expected_version: int | None) -> MonitoringPeriod:
    period = _locked(actor=actor, period_id=period_id)
    check_version(current=period.version, expected=expected_version)
    if result not in LastCheckResult.values:
        raise ValidationError({"result": _("Choose the result of the last check.")}, code="invalid")
    MONITORING_TRANSITIONS.check(period.status, MonitoringStatus.CHECKED)
    note = require_text(field="note", text=note, message=_("Say what the last check found."))
    period.status, period.check_result, period.check_note = MonitoringStatus.CHECKED, result, note
    period.checked_at, period.checked_by = timezone.now(), actor
    period.version += 1
    period.save(update_fields=["status", "check_result", "check_note", "checked_at", "checked_by", "version"])
    log_case(actor=actor, case=period.case, activity=MONITORING, action=Action.UPDATE,
             object_type="monitoring-period", object_id=period.pk)
    return period
