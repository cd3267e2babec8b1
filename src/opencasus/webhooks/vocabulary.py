"""The event types a system client can subscribe to (CloudEvents `type`, reverse DNS)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    INTAKE_FILED = "nl.opencasus.intake.filed", _("Intake filed")
    TRIAGE_DECIDED = "nl.opencasus.triage.decided", _("Triage decided")
    CASE_ADMITTED = "nl.opencasus.case.admitted", _("Case admitted")
    CASE_CLOSED = "nl.opencasus.case.closed", _("Case closed")
    AGREEMENT_OVERDUE = "nl.opencasus.agreement.overdue", _("Agreement overdue")
    ESCALATION_RAISED = "nl.opencasus.escalation.raised", _("Escalation raised")
    TRANSFER_PROPOSED = "nl.opencasus.transfer.proposed", _("Transfer proposed")
    TRANSFER_ACCEPTED = "nl.opencasus.transfer.accepted", _("Transfer accepted")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    RETRYING = "retrying", _("Retrying")
    DEAD = "dead", _("Dead letter")


MAX_ATTEMPTS = 3
