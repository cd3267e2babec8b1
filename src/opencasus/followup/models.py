"""Follow-through after the triage and after closure (Landelijk kader §5.5, Platform31 in seed 001):

- `CheckBack`: after a "route" or "advice" decision, the process director checks on a date that the receiving
  table or chain picked the question up, or records that it is reopened (with a note).
- `MonitoringPeriod`: a closed case handed back down to the municipality's local person-centred approach, with a
  date for a last check by the house.
- `ClosureFeedback`: what the filer and the municipality officers are told at closure: the outcome and the
  hand-over, never content.
- `Consultation`: a partner asks the house for advice without naming anyone: the question, the organisation that
  asks and the advice. No personal data (the service refuses a BSN-shaped number).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.followup.vocabulary import (
    CheckBackReason,
    CheckBackStatus,
    ConsultationStatus,
    LastCheckResult,
    MonitoringStatus,
)
from opencasus.plans.vocabulary import ClosureOutcome

USER = settings.AUTH_USER_MODEL


class CheckBack(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="check_back")
    # A copy of the case's house (a case never moves house), so the overview filters on an index.
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=10, choices=CheckBackReason.choices)
    receiver = models.CharField(_("receiving table or chain"), max_length=300, blank=True)
    due_date = models.DateField(_("check-back date"))
    status = models.CharField(_("status"), max_length=10, choices=CheckBackStatus.choices,
                              default=CheckBackStatus.OPEN)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(USER, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+")
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(USER, verbose_name=_("resolved by"), on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("check-back")
        verbose_name_plural = _("check-backs")
        indexes = [models.Index(fields=["house", "status", "due_date"], name="checkback_house_status_due")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.due_date}"


class MonitoringPeriod(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="monitoring_periods")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, related_name="+")
    local_approach = models.CharField(_("local person-centred approach"), max_length=200)
    note = models.TextField(_("reason for handing the case down"), blank=True)
    starts_on = models.DateField(_("monitoring starts on"), default=timezone.localdate)
    last_check_date = models.DateField(_("date of the last check"))
    status = models.CharField(_("status"), max_length=10, choices=MonitoringStatus.choices,
                              default=MonitoringStatus.RUNNING)
    check_result = models.CharField(_("result of the last check"), max_length=10, choices=LastCheckResult.choices,
                                    blank=True)
    check_note = models.TextField(_("note on the last check"), blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    checked_by = models.ForeignKey(USER, verbose_name=_("checked by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    started_by = models.ForeignKey(USER, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["last_check_date", "id"]
        verbose_name = _("monitoring period")
        verbose_name_plural = _("monitoring periods")
        indexes = [models.Index(fields=["house", "status", "last_check_date"], name="monitoring_house_status")]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=models.Q(status=MonitoringStatus.RUNNING),
                                    name="one_running_monitoring_per_case"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.last_check_date}"


class ClosureFeedback(models.Model):
    closure = models.OneToOneField("plans.CaseClosure", verbose_name=_("closure"), on_delete=models.CASCADE,
                                   related_name="feedback")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=20, choices=ClosureOutcome.choices)
    handed_over_to = models.ForeignKey("network.Organisation", verbose_name=_("warm hand-over to"),
                                       on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    closed_on = models.DateField(_("closed on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-closed_on", "-id"]
        verbose_name = _("closure feedback")
        verbose_name_plural = _("closure feedback")

    def __str__(self) -> str:
        return f"{self.case_id} {self.outcome}"


class Consultation(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="+")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation asking"),
                                     on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality concerned"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(USER, verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=ConsultationStatus.choices,
                              default=ConsultationStatus.OPEN)
    advice = models.TextField(_("advice"), blank=True)
    advised_by = models.ForeignKey(USER, verbose_name=_("advised by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    advised_at = models.DateTimeField(_("advised at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name = _("anonymous consultation")
        verbose_name_plural = _("anonymous consultations")
        indexes = [models.Index(fields=["house", "asked_at"], name="consultation_house_asked")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.asked_at:%Y-%m-%d}"
