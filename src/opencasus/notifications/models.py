"""In-app notifications: a title and a link, never case content beyond the case reference."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencasus.core.choices import ChoiceLabelsMixin


class Kind(models.TextChoices):
    TRIAGE_OUTCOME = "triage_outcome", _("Triage outcome of your intake")
    INVITATION = "invitation", _("Invitation to a case conference")
    AGREEMENT_ASSIGNED = "agreement_assigned", _("Agreement assigned to you")
    AGREEMENT_OVERDUE = "agreement_overdue", _("Agreement overdue")
    ESCALATION = "escalation", _("Escalation addressed to you")
    HANDOVER = "handover", _("Case handed over to your organisation")
    INFORMATION_REQUEST = "information_request", _("Information requested from your organisation")
    INFORMATION_REQUEST_OVERDUE = "information_request_overdue", _("Information request overdue")
    CASE_CLOSED = "case_closed", _("Outcome of a closed case")
    CONFIRMATION_REQUESTED = "confirmation_requested", _("Confirmation asked of your organisation")
    CONFIRMATION_OVERDUE = "confirmation_overdue", _("Confirmation overdue")
    CRISIS_DEADLINE_OVERDUE = "crisis_deadline_overdue", _("Crisis-lane deadline passed")
    AFTERCARE_OVERDUE = "aftercare_overdue", _("After-care deadline passed")
    TOPX_REVIEW_OVERDUE = "topx_review_overdue", _("Top X review overdue")


TITLES = {
    Kind.TRIAGE_OUTCOME: _("The triage table decided on your intake %(reference)s"),
    Kind.INVITATION: _("Invitation to a case conference on %(date)s"),
    Kind.AGREEMENT_ASSIGNED: _("An agreement in case %(reference)s is assigned to you, deadline %(date)s"),
    Kind.AGREEMENT_OVERDUE: _("An agreement in case %(reference)s passed its deadline of %(date)s"),
    Kind.ESCALATION: _("An escalation in case %(reference)s awaits your response"),
    Kind.HANDOVER: _("Case %(reference)s was handed over to your organisation"),
    Kind.INFORMATION_REQUEST: _("The triage table asks your organisation for information on %(reference)s by "
                                "%(date)s"),
    Kind.INFORMATION_REQUEST_OVERDUE: _("An information request on %(reference)s passed its due date of %(date)s"),
    Kind.CASE_CLOSED: _("Case %(reference)s was closed on %(date)s: read the outcome"),
    Kind.CONFIRMATION_REQUESTED: _("A decision in case %(reference)s goes beyond a mandate: your organisation is "
                                   "asked to confirm it by %(date)s"),
    Kind.AFTERCARE_OVERDUE: _("An after-care item of case %(reference)s passed its deadline of %(date)s"),
    Kind.CONFIRMATION_OVERDUE: _("A confirmation asked of your organisation in case %(reference)s passed its "
                                 "deadline of %(date)s"),
    Kind.CRISIS_DEADLINE_OVERDUE: _("A crisis-lane deadline of case %(reference)s passed on %(date)s"),
    Kind.TOPX_REVIEW_OVERDUE: _("A review of a person on a Top X list passed its date of %(date)s"),
}


class Notification(ChoiceLabelsMixin, models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE,
                             related_name="notifications")
    # The house the event happened in (for the processing log of the list page). A plain number, not a relation:
    # a notification belongs to its recipient, not to a house.
    house_id = models.BigIntegerField(_("house"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    case_reference = models.CharField(_("case reference"), max_length=30, blank=True)
    on_date = models.DateField(_("date"), null=True, blank=True)
    link = models.CharField(_("link"), max_length=300)
    # What the notification is about ("agreement-12"), so one event notifies a user once.
    subject_key = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_created"),
            models.Index(fields=["user", "read_at"], name="notification_user_unread"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "subject_key"], condition=~models.Q(subject_key=""),
                                    name="notification_once_per_subject"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        date = formats.date_format(self.on_date, "j F Y") if self.on_date else ""
        return str(TITLES[Kind(self.kind)]) % {"reference": self.case_reference, "date": date}

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
