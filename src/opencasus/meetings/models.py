"""Case conferences: meetings, agenda items, invitations, minutes in BOB form, the chair's self-report."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.core.dates import long_date


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="meetings")
    meeting_type = models.ForeignKey("network.MeetingType", verbose_name=_("meeting type"),
                                     on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("chair"), on_delete=models.PROTECT,
                              null=True, blank=True, related_name="+")
    secretary = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("secretary"), on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices,
                              default=MeetingStatus.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("planned by"),
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date", "-start_time"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["house", "date"], name="meeting_house_date")]

    def __str__(self) -> str:
        return f"{self.meeting_type} {long_date(self.date)}"

    def starts_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.date, self.start_time))


class AgendaItem(models.Model):
    """One admitted case on a meeting's agenda, with its slot and the participants it needs."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="agenda_items")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    start_offset = models.PositiveSmallIntegerField(_("starts after (minutes)"), default=0)
    minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=20)
    organisations = models.ManyToManyField("network.Organisation", verbose_name=_("organisations needed"),
                                           blank=True, related_name="+")
    professionals = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("professionals needed"),
                                           blank=True, related_name="agenda_items")

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="one_agenda_item_per_case")]

    def __str__(self) -> str:
        return f"{self.meeting_id}#{self.position}"

    @property
    def end_offset(self) -> int:
        return self.start_offset + self.minutes


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CANCELLED = "cancelled", _("Cancelled")


class Invitation(models.Model):
    """A professional invited to a meeting for their own block; the calendar UID is stable per pair."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("invitee"), on_delete=models.CASCADE,
                             related_name="meeting_invitations")
    status = models.CharField(_("status"), max_length=10, choices=InvitationStatus.choices,
                              default=InvitationStatus.INVITED)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    digest = models.CharField(max_length=64, blank=True)  # of what was last sent, to send updates only on change
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "user__last_name", "user__username"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_invitation_per_invitee")]

    def __str__(self) -> str:
        return f"{self.meeting_id}/{self.user_id}"

    @property
    def uid(self) -> str:
        return f"opencasus-meeting-{self.meeting_id}-invitee-{self.user_id}@opencasus.invalid"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class Minutes(models.Model):
    """The minutes of one agenda item in BOB form: picture-forming, judgement, decisions."""

    agenda_item = models.OneToOneField(AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE,
                                       related_name="minutes_record")
    picture_forming = models.TextField(_("picture-forming"), blank=True)
    judgement = models.TextField(_("judgement"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=MinutesStatus.choices,
                              default=MinutesStatus.DRAFT)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("taken by"), on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"),
                                    on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("minutes record")
        verbose_name_plural = _("minutes records")

    def __str__(self) -> str:
        return f"minutes {self.agenda_item_id}"


class Decision(models.Model):
    """One decision (besluit) in the minutes; it can become an agreement in the case's plan."""

    minutes = models.ForeignKey(Minutes, verbose_name=_("minutes record"), on_delete=models.CASCADE,
                                related_name="decisions")
    position = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(_("decision"))
    owner_organisation = models.ForeignKey("network.Organisation", verbose_name=_("owner organisation"),
                                           on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    owner_user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner professional"),
                                   on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    agreement_id = models.PositiveIntegerField(_("agreement in the plan"), null=True, blank=True)

    class Meta:
        ordering = ["minutes", "position", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.description[:50]


class SelfReportKind(models.TextChoices):
    CONFERENCE = "conference", _("After a case conference")
    EVALUATION = "evaluation", _("At evaluation")


class Score(models.IntegerChoices):
    VERY_POOR = 1, _("Very poor")
    POOR = 2, _("Poor")
    FAIR = 3, _("Fair")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class SelfReport(models.Model):
    """The chair's self-report ("Stappenmeter"), read by management reporting.

    - `goals_score`: how far the goals of the case were reached, 1 (very poor) … 5 (very good).
    - `cooperation_score`: how the cooperation between the partners went, same scale.
    - `kind`: after a case conference (`meeting` set) or at the plan's evaluation (`meeting` optional).
    One row per report; several per case over time. Deleted with the case.
    """

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="self_reports")
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="self_reports")
    kind = models.CharField(_("moment"), max_length=12, choices=SelfReportKind.choices)
    goals_score = models.PositiveSmallIntegerField(_("goals reached"), choices=Score.choices)
    cooperation_score = models.PositiveSmallIntegerField(_("cooperation"), choices=Score.choices)
    note = models.TextField(_("note"), blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reported by"),
                                    on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        ordering = ["-reported_at"]
        verbose_name = _("self-report (Stappenmeter)")
        verbose_name_plural = _("self-reports (Stappenmeter)")
        indexes = [models.Index(fields=["case", "-reported_at"], name="selfreport_case")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.goals_score}/{self.cooperation_score}"


class MandateScope(models.TextChoices):
    FULL = "full", _("May commit the organisation")
    LIMITED = "limited", _("May commit the organisation up to a limit")
    NONE = "none", _("May not commit the organisation")


class Mandate(models.Model):
    """Whether a professional at a meeting may commit their organisation, and up to what (`limit`).

    Recorded at the invitation or in the meeting by core staff; a decision beyond it needs the organisation's
    confirmation (`Confirmation`)."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="mandates")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("professional"), on_delete=models.CASCADE,
                             related_name="+")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    scope = models.CharField(_("mandate"), max_length=10, choices=MandateScope.choices)
    limit = models.CharField(_("up to"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting", "organisation__name", "id"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [models.UniqueConstraint(fields=["meeting", "user", "organisation"], name="one_mandate")]

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.user_id} {self.scope}"


class ConfirmationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    REFUSED = "refused", _("Refused")


class Confirmation(models.Model):
    """A decision (of the minutes) or a plan agreement beyond a participant's mandate, waiting for the
    organisation's confirmation by `deadline`. `subject` copies what was decided (decisions are rewritten
    with their minutes)."""

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="confirmations")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation that confirms"),
                                     on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(Decision, verbose_name=_("decision"), on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="confirmations")
    agreement = models.ForeignKey("plans.Agreement", verbose_name=_("agreement"), on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="confirmations")
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+")
    subject = models.TextField(_("what needs confirmation"))
    reason = models.TextField(_("why it exceeds the mandate"), blank=True)
    deadline = models.DateField(_("confirm by"))
    status = models.CharField(_("status"), max_length=10, choices=ConfirmationStatus.choices,
                              default=ConfirmationStatus.PENDING)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"),
                                    on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_note = models.TextField(_("answer"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
        indexes = [models.Index(fields=["status", "deadline"], name="confirmation_status_deadline")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.organisation_id} {self.status}"
