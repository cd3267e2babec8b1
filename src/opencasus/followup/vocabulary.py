"""Statuses of the follow-through records and their transition tables (`core.transitions`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opencasus.core.transitions import TransitionTable


class CheckBackReason(models.TextChoices):
    ROUTED = "routed", _("Routed elsewhere")
    ADVISED = "advised", _("Advice given")


class CheckBackStatus(models.TextChoices):
    OPEN = "open", _("To check")
    CONFIRMED = "confirmed", _("Picked up")
    REOPENED = "reopened", _("Question reopened")


CHECK_BACK_TRANSITIONS = TransitionTable(
    {
        CheckBackStatus.OPEN: frozenset({CheckBackStatus.CONFIRMED, CheckBackStatus.REOPENED}),
        CheckBackStatus.CONFIRMED: frozenset(),
        CheckBackStatus.REOPENED: frozenset(),
    },
    label=lambda value: str(CheckBackStatus(value).label),
)


class MonitoringStatus(models.TextChoices):
    RUNNING = "running", _("Under monitoring")
    CHECKED = "checked", _("Last check done")


class LastCheckResult(models.TextChoices):
    STABLE = "stable", _("Stable: the local approach carries on without the house")
    CONCERNS = "concerns", _("Concerns: the house looks at the case again")


MONITORING_TRANSITIONS = TransitionTable(
    {MonitoringStatus.RUNNING: frozenset({MonitoringStatus.CHECKED}), MonitoringStatus.CHECKED: frozenset()},
    label=lambda value: str(MonitoringStatus(value).label),
)


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("Awaiting advice")
    ANSWERED = "answered", _("Advice given")


CONSULTATION_TRANSITIONS = TransitionTable(
    {ConsultationStatus.OPEN: frozenset({ConsultationStatus.ANSWERED}), ConsultationStatus.ANSWERED: frozenset()},
    label=lambda value: str(ConsultationStatus(value).label),
)
