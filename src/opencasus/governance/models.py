"""Steering of the houses (Landelijk kader: strategic, tactical and operational levels).

- A **priority theme** of the strategic agenda of a region (safety region) for one year, with its aims. The
  regional steering group steers the houses of its region; the triage table marks an intake that fits a theme
  (`triage.Decision.priority_theme`) and the annual report counts them.
- The **records of tactical and strategic meetings**: date, level, agenda items, decisions, actions with an
  owner, a deadline and a status (`governance/workflow.py`), and the escalations discussed (links to
  `plans.Escalation`; what is shown of them is decided in `opencasus.access.governance`).

Nothing here holds personal data of the people in cases; the escalation links point at case records.
"""

from __future__ import annotations

import enum

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeetingLevel(models.TextChoices):
    TACTICAL = "tactical", _("Tactical (house manager with the partners' managers)")
    STRATEGIC = "strategic", _("Strategic (regional steering group)")


class ItemKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda item")
    DECISION = "decision", _("Decision")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Mover(enum.StrEnum):
    """Who moves a meeting action's status (`governance.workflow`)."""

    OWNER = "owner"
    EDITOR = "editor"


class PriorityTheme(models.Model):
    """One priority theme of a region's strategic agenda for one year (e.g. ondermijning), with its aims."""

    region = models.ForeignKey("network.Region", verbose_name=_("region"), on_delete=models.PROTECT,
                               related_name="priority_themes")
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=200)
    aims = models.TextField(_("aims"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["region", "-year", "name"]
        verbose_name = _("priority theme")
        verbose_name_plural = _("priority themes")
        constraints = [models.UniqueConstraint(fields=["region", "year", "name"], name="one_theme_name_per_year")]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class GovernanceMeeting(models.Model):
    """The record of a tactical (one house) or strategic (the region's steering group) meeting."""

    region = models.ForeignKey("network.Region", verbose_name=_("region"), on_delete=models.PROTECT,
                               related_name="+")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    level = models.CharField(_("level"), max_length=20, choices=MeetingLevel.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("steering meeting")
        verbose_name_plural = _("steering meetings")
        indexes = [models.Index(fields=["region", "level", "-date"], name="gov_meeting_region")]

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"


class MeetingItem(models.Model):
    """An agenda item or a decision of a meeting, optionally about a priority theme."""

    meeting = models.ForeignKey(GovernanceMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="items")
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    text = models.TextField(_("text"))
    theme = models.ForeignKey(PriorityTheme, verbose_name=_("priority theme"), on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["meeting", "kind", "id"]
        verbose_name = _("meeting item")
        verbose_name_plural = _("meeting items")

    def __str__(self) -> str:
        return self.text[:60]


class MeetingAction(models.Model):
    """An action agreed in a meeting: an owner, a deadline and a status (`governance.workflow`)."""

    meeting = models.ForeignKey(GovernanceMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="actions")
    decision = models.ForeignKey(MeetingItem, verbose_name=_("decision"), on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="actions")
    description = models.TextField(_("action"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT,
                              related_name="meeting_actions")
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("meeting action")
        verbose_name_plural = _("meeting actions")
        indexes = [models.Index(fields=["owner", "status", "deadline"], name="gov_action_owner")]

    def __str__(self) -> str:
        return self.description[:60]


class DiscussedEscalation(models.Model):
    """An escalation (tactical or strategic level) discussed in the meeting."""

    meeting = models.ForeignKey(GovernanceMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="escalations")
    escalation = models.ForeignKey("plans.Escalation", verbose_name=_("escalation"), on_delete=models.CASCADE,
                                   related_name="+")
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT,
                                 related_name="+")

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("escalation discussed")
        verbose_name_plural = _("escalations discussed")
        constraints = [models.UniqueConstraint(fields=["meeting", "escalation"], name="escalation_once_per_meeting")]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.escalation_id}"
