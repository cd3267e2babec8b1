"""Transfers of a case to another house, and co-directors from another house (cross-regional work).

A `Transfer` is proposed by the process direction of the case's house (A) to another house (B). What goes
along is fixed at the proposal: the purpose and questions, a text snapshot of the adopted plan, and the
information items their contributors marked transferable. B's process direction accepts (B gets a new case,
A's case closes with the outcome "transferred") or declines with a reason.

A `CoDirector` is a process director of another house who directs one case of this house together with its
own process direction, without the case moving (core-level access to that one case only).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.core.choices import ChoiceLabelsMixin
from opencasus.transfers.vocabulary import TransferStatus


class Transfer(ChoiceLabelsMixin, models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="transfers_out")
    from_house = models.ForeignKey("network.House", verbose_name=_("from house"), on_delete=models.PROTECT,
                                   related_name="transfers_out")
    to_house = models.ForeignKey("network.House", verbose_name=_("to house"), on_delete=models.PROTECT,
                                 related_name="transfers_in")
    case_reference = models.CharField(_("reference at the sending house"), max_length=30)
    reason = models.TextField(_("reason"))
    move_date = models.DateField(_("date of the move"))
    include_purpose = models.BooleanField(_("purpose and questions go along"), default=True)
    purpose = models.TextField(_("purpose of the case conference"), blank=True)
    questions = models.TextField(_("questions to answer"), blank=True)
    include_plan = models.BooleanField(_("the adopted plan goes along"), default=False)
    plan_snapshot = models.TextField(_("adopted plan (goals and open agreements)"), blank=True)
    plan_goal_count = models.PositiveIntegerField(default=0)
    plan_agreement_count = models.PositiveIntegerField(default=0)
    information_items = models.ManyToManyField("cases.InformationItem", verbose_name=_("information items"),
                                               blank=True, related_name="transfers")
    person_count = models.PositiveIntegerField(default=0)
    status = models.CharField(_("status"), max_length=20, choices=TransferStatus.choices,
                              default=TransferStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"),
                                    on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    new_case = models.OneToOneField("cases.Case", verbose_name=_("new case"), on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="transferred_in")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=Q(status="proposed"), name="one_open_transfer"),
        ]
        indexes = [
            models.Index(fields=["to_house", "status"], name="transfer_to_status"),
            models.Index(fields=["from_house", "status"], name="transfer_from_status"),
        ]

    def __str__(self) -> str:
        return f"{self.case_reference} → {self.to_house_id}"


class CoDirectorQuerySet(models.QuerySet["CoDirector"]):
    def active(self) -> CoDirectorQuerySet:
        return self.filter(ended_at__isnull=True)


class CoDirector(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="co_directors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("co-director"), on_delete=models.PROTECT,
                             related_name="co_directed")
    house = models.ForeignKey("network.House", verbose_name=_("their house"), on_delete=models.PROTECT,
                              related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT,
                                 related_name="+")
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = CoDirectorQuerySet.as_manager()

    class Meta:
        ordering = ["case", "started_at", "id"]
        verbose_name = _("co-director")
        verbose_name_plural = _("co-directors")
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], condition=Q(ended_at__isnull=True),
                                    name="one_active_co_director"),
        ]
        indexes = [models.Index(fields=["user", "case"], name="codirector_user_case")]

    def __str__(self) -> str:
        return f"{self.case_id} / {self.user_id}"
