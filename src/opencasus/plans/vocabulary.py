"""Fixed vocabularies of the action plan, monitoring, escalation and closure."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InterventionLine(models.TextChoices):
    """The three lines of an integrated approach."""

    CRIMINAL = "criminal", _("Criminal law")
    ADMINISTRATIVE = "administrative", _("Administrative (mayor's powers)")
    CARE = "care", _("Care")


class AgreementStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    LATE = "late", _("Late")
    NOT_KEPT = "not_kept", _("Not kept")
    CANCELLED = "cancelled", _("Cancelled")


# Agreements that still need something from their owner.
PENDING_STATUSES = frozenset({AgreementStatus.OPEN, AgreementStatus.LATE})


class NoteKind(models.TextChoices):
    PROGRESS = "progress", _("Progress note")
    COMMENT = "comment", _("Comment")


class GoalResult(models.TextChoices):
    REACHED = "reached", _("Reached")
    PARTLY = "partly", _("Partly reached")
    NOT_REACHED = "not_reached", _("Not reached")


class EscalationLevel(models.TextChoices):
    OPERATIONAL = "operational", _("Operational")
    TACTICAL = "tactical", _("Tactical")
    STRATEGIC = "strategic", _("Strategic")
    # What a region cannot solve: the national programme (`Role.NATIONAL_OFFICER`) answers it.
    NATIONAL = "national", _("National")


LEVEL_ORDER = [EscalationLevel.OPERATIONAL, EscalationLevel.TACTICAL, EscalationLevel.STRATEGIC,
               EscalationLevel.NATIONAL]


class EscalationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    ESCALATED = "escalated", _("Escalated further")
    CLOSED = "closed", _("Closed")


class EscalationOutcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved: the partner delivers")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved")


class ClosureOutcome(models.TextChoices):
    GOALS_REACHED = "goals_reached", _("Goals reached")
    PARTLY_REACHED = "partly_reached", _("Goals partly reached")
    NOT_REACHED = "not_reached", _("Goals not reached")
    MOVED_AWAY = "moved_away", _("Moved away")
    TRANSFERRED = "transferred", _("Transferred to another house")
    REGULAR_CARE = "regular_care", _("Regular care took over")
    OTHER = "other", _("Other")


class ReminderKind(models.TextChoices):
    AGREEMENT_OVERDUE = "agreement_overdue", _("Agreement overdue")
    EVALUATION_DUE = "evaluation_due", _("Evaluation due")
