"""Closing a case with an outcome and a warm hand-over, and re-opening it with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.cases.models import Participant
from opencasus.cases.services import case_transition
from opencasus.cases.workflow import Status
from opencasus.core import events
from opencasus.logbook.models import Action
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.plans.models import Agreement, CaseClosure, Escalation
from opencasus.plans.services._common import core_case, log
from opencasus.plans.services.agreements import agreement_update
from opencasus.plans.services.escalations import escalation_close
from opencasus.plans.vocabulary import PENDING_STATUSES, AgreementStatus, ClosureOutcome, EscalationStatus

if TYPE_CHECKING:
    from opencasus.accounts.models import User

HAND_OVER_REQUIRED = frozenset({ClosureOutcome.REGULAR_CARE})
OPEN_ESCALATION_STATUSES = (EscalationStatus.OPEN, EscalationStatus.ANSWERED)


@transaction.atomic
def case_close(*, actor: User, case_id: int, outcome: str, handed_over_to: Any = None, note: str = "",
               expected_version: int | None = None) -> CaseClosure:
    """Close an admitted case (core staff): the transition and its outcome in one transaction.

    Pending agreements are cancelled and open escalations closed first, with the outcome as the reason,
    so that nothing of a closed case stays in "my agreements" or the overdue counts."""
    case = core_case(actor=actor, case_id=case_id, running=False)
    if case.status != Status.ADMITTED:
        raise ValidationError(_("Only a running (admitted) case can be closed."), code="invalid_transition")
    if outcome not in ClosureOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")}, code="invalid")
    note = (note or "").strip()
    if outcome in HAND_OVER_REQUIRED and handed_over_to is None:
        raise ValidationError({"handed_over_to": _("Name the organisation that takes over (warm hand-over).")},
                              code="required")
    if outcome == ClosureOutcome.OTHER and not note:
        raise ValidationError({"note": _("Explain the outcome.")}, code="required")
    reason = str(ClosureOutcome(outcome).label)
    _settle(actor=actor, case_id=case.pk, reason=_("Settled when the case was closed (%(outcome)s).")
            % {"outcome": reason})
    case = case_transition(actor=actor, case_id=case.pk, to_status=Status.CLOSED, reason=reason,
                           expected_version=expected_version)
    closure = CaseClosure.objects.create(case=case, outcome=outcome, handed_over_to=handed_over_to, note=note,
                                         closed_by=actor, closed_at=case.closed_at or timezone.now())
    log(actor=actor, case=case, action=Action.CREATE, object_type="case-closure", object_id=closure.pk)
    events.publish(events.CaseClosed(case_id=case.pk, closure_id=closure.pk, actor_id=actor.pk))
    if handed_over_to is not None:
        # The professionals of the organisation that takes over who take part in the case (they can still
        # read it during the house's read-only period).
        notify(user_ids=Participant.objects.active().filter(case_id=case.pk, organisation=handed_over_to,
                                                            user__isnull=False).values_list("user_id", flat=True),
               kind=Kind.HANDOVER, link=reverse("cases:detail", args=[case.pk]), case_reference=case.reference,
               house_id=case.house_id, subject_key=f"closure-{closure.pk}")
    return closure


def _settle(*, actor: User, case_id: int, reason: str) -> None:
    """Cancel the case's pending agreements and close its open escalations, each through its own service
    (version, dashboard staleness and processing log included), with `reason` on record."""
    for agreement_id in (Agreement.objects.filter(case_id=case_id, status__in=PENDING_STATUSES)
                         .order_by("pk").values_list("pk", flat=True)):
        agreement_update(actor=actor, agreement_id=agreement_id, expected_version=None,
                         status=AgreementStatus.CANCELLED, reason=reason)
    for escalation_id in (Escalation.objects.filter(case_id=case_id, status__in=OPEN_ESCALATION_STATUSES)
                          .order_by("pk").values_list("pk", flat=True)):
        escalation_close(actor=actor, escalation_id=escalation_id, reason=reason)


@transaction.atomic
def case_reopen(*, actor: User, case_id: int, reason: str, expected_version: int | None = None) -> CaseClosure | None:
    """Re-open a closed case (core staff) with a reason; participants regain access."""
    case = core_case(actor=actor, case_id=case_id, running=False)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for re-opening.")}, code="required")
    if case.status != Status.CLOSED:
        raise ValidationError(_("Only a closed case can be re-opened."), code="invalid_transition")
    case = case_transition(actor=actor, case_id=case.pk, to_status=Status.ADMITTED, reason=reason,
                           expected_version=expected_version)
    closure = CaseClosure.objects.select_for_update().filter(case=case, reopened_at__isnull=True).first()
    if closure is not None:
        closure.reopened_at, closure.reopened_by, closure.reopen_reason = timezone.now(), actor, reason
        closure.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])
    log(actor=actor, case=case, action=Action.UPDATE, object_type="case-closure",
        object_id=closure.pk if closure else case.pk)
    return closure
