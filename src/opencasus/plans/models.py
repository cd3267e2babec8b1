"""The integrated action plan (plan van aanpak): one per case, with goals, interventions, agreements,
adopted versions, evaluations, escalations and the closure of the case.

Every foreign key to a case cascades: retention deletes a whole case with everything under it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.choices import ChoiceLabelsMixin
from opencasus.plans.state_tables import ProposalStatus
from opencasus.plans.vocabulary import (
    AgreementStatus,
    ClosureOutcome,
    EscalationLevel,
    EscalationOutcome,
    EscalationStatus,
    GoalResult,
    InterventionLine,
    NoteKind,
    ReminderKind,
)

USER = settings.AUTH_USER_MODEL


class Plan(models.Model):
    """One family, one plan, one director. Process direction stays with the house (core staff)."""

    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="plan")
    director_organisation = models.ForeignKey(
        "network.Organisation", verbose_name=_("case director (organisation)"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+")
    director_user = models.ForeignKey(USER, verbose_name=_("case director (professional)"),
                                      on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    evaluation_date = models.DateField(_("evaluation date"), null=True, blank=True)
    adopted_version = models.PositiveIntegerField(_("last adopted version"), default=0)
    changed_since_adoption = models.BooleanField(_("changed since the last adoption"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(USER, verbose_name=_("updated by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        indexes = [models.Index(fields=["evaluation_date"], name="plan_evaluation_date")]

    def __str__(self) -> str:
        return f"{self.case_id}"


class Goal(ChoiceLabelsMixin, models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals")
    life_domain = models.CharField(_("life domain"), max_length=30, choices=LifeDomain.choices)
    person = models.ForeignKey("cases.Person", verbose_name=_("family member"), on_delete=models.CASCADE,
                               null=True, blank=True, related_name="plan_goals")
    description = models.TextField(_("goal"))

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.description[:60]


class Intervention(ChoiceLabelsMixin, models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="interventions")
    line = models.CharField(_("line"), max_length=20, choices=InterventionLine.choices)
    description = models.TextField(_("intervention"))
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("responsible organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey("cases.Person", verbose_name=_("family member"), on_delete=models.CASCADE,
                               null=True, blank=True, related_name="plan_interventions")

    class Meta:
        ordering = ["plan", "line", "id"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")

    def __str__(self) -> str:
        return self.description[:60]


class Agreement(ChoiceLabelsMixin, models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="agreements")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="agreements")
    # The case's house, copied for management information (see `cases.StatusChange.house`).
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="+", db_index=False)
    description = models.TextField(_("what"))
    owner_organisation = models.ForeignKey("network.Organisation", verbose_name=_("owner organisation"),
                                           on_delete=models.PROTECT, related_name="+")
    owner_user = models.ForeignKey(USER, verbose_name=_("owner (professional)"), on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="owned_agreements")
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=AgreementStatus.choices,
                              default=AgreementStatus.OPEN)
    goal = models.ForeignKey(Goal, verbose_name=_("goal it serves"), on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="agreements")
    source = models.CharField(_("source"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(USER, verbose_name=_("created by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        indexes = [
            models.Index(fields=["status", "deadline"], name="agreement_status_deadline"),
            models.Index(fields=["owner_user", "status"], name="agreement_owner"),
            models.Index(fields=["house", "deadline"], name="agreement_house_deadline"),
        ]

    def __str__(self) -> str:
        return self.description[:60]


class AgreementStatusChange(ChoiceLabelsMixin, models.Model):
    """One change of an agreement's status, written by `agreement_update` (the history on the case page)."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE,
                                  related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=AgreementStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=AgreementStatus.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(USER, verbose_name=_("changed by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("status change of an agreement")
        verbose_name_plural = _("status changes of agreements")

    def __str__(self) -> str:
        return f"{self.from_status} -> {self.to_status}"


class AgreementNote(models.Model):
    """A progress note by the owner, or a comment by another participant."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE,
                                  related_name="notes")
    kind = models.CharField(_("kind"), max_length=10, choices=NoteKind.choices)
    text = models.TextField(_("note"))
    author = models.ForeignKey(USER, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["agreement", "created_at", "id"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return self.text[:60]


class PlanVersion(models.Model):
    """An adopted version of the plan: an immutable snapshot of goals, interventions and agreements."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    adopted_at = models.DateTimeField(_("adopted at"), default=timezone.now)
    adopted_by = models.ForeignKey(USER, verbose_name=_("adopted by"), on_delete=models.PROTECT, related_name="+")
    # The meeting it was adopted in (meetings.Meeting id); kept loose so the apps stay independent.
    meeting_id = models.PositiveIntegerField(_("meeting"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    snapshot = models.JSONField(_("snapshot"))

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version")]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class PlanProposal(models.Model):
    """The case director's proposal for the plan's next version: goals, interventions and agreements as a draft.

    The live plan stays as it is until the process director (or the conference) adopts the proposal; until
    then only the case director and core staff see it (`opencasus.access.plan_proposals`). `content` holds
    `goals`, `interventions` and `agreements` as lists of rows (snake_case keys, ids of existing rows kept).
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="proposals")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="plan_proposals")
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices,
                              default=ProposalStatus.DRAFT)
    content = models.JSONField(_("content"), default=dict)
    explanation = models.TextField(_("explanation"), blank=True)
    # The plan's version and adopted version when the draft was started (to warn of later changes).
    based_on_plan_version = models.PositiveIntegerField(_("based on plan version"), default=0)
    based_on_adopted_version = models.PositiveIntegerField(_("based on adopted version"), default=0)
    created_by = models.ForeignKey(USER, verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    decided_by = models.ForeignKey(USER, verbose_name=_("decided by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note of the process director"), blank=True)
    adopted_as = models.OneToOneField(PlanVersion, verbose_name=_("adopted as version"), on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="proposal")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["case", "-created_at", "-id"]
        verbose_name = _("plan proposal")
        verbose_name_plural = _("plan proposals")
        indexes = [models.Index(fields=["status", "case"], name="plan_proposal_status")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.status}"


class Evaluation(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="evaluations")
    evaluated_on = models.DateField(_("evaluated on"))
    note = models.TextField(_("overall note"), blank=True)
    recorded_by = models.ForeignKey(USER, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["plan", "-evaluated_on", "-id"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return f"{self.plan_id} {self.evaluated_on}"


class GoalEvaluation(models.Model):
    evaluation = models.ForeignKey(Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE,
                                   related_name="results")
    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="results")
    goal_description = models.TextField(_("goal"))
    result = models.CharField(_("result"), max_length=20, choices=GoalResult.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["evaluation", "id"]
        verbose_name = _("result per goal")
        verbose_name_plural = _("results per goal")

    def __str__(self) -> str:
        return f"{self.goal_description[:40]}: {self.result}"


class Escalation(models.Model):
    """Opschaling when a partner does not deliver: operational → tactical → strategic."""

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="escalations")
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, null=True,
                                  blank=True, related_name="escalations")
    previous = models.OneToOneField("self", verbose_name=_("escalated from"), on_delete=models.CASCADE, null=True,
                                    blank=True, related_name="next")
    level = models.CharField(_("level"), max_length=20, choices=EscalationLevel.choices)
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("partner that does not deliver"),
                                     on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    addressed_to = models.CharField(_("addressed to"), max_length=300)
    raised_by = models.ForeignKey(USER, verbose_name=_("raised by"), on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=EscalationStatus.choices,
                              default=EscalationStatus.OPEN)
    response = models.TextField(_("response"), blank=True)
    responded_by = models.ForeignKey(USER, verbose_name=_("responded by"), on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+")
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=EscalationOutcome.choices, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_at", "-id"]
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        indexes = [models.Index(fields=["status", "level"], name="escalation_status_level")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.level}"


class CaseClosure(models.Model):
    """The outcome and warm hand-over of a closure; a re-opening is recorded on the same row."""

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="closures")
    outcome = models.CharField(_("outcome"), max_length=20, choices=ClosureOutcome.choices)
    handed_over_to = models.ForeignKey("network.Organisation", verbose_name=_("warm hand-over to"),
                                       on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    note = models.TextField(_("explanation"), blank=True)
    closed_by = models.ForeignKey(USER, verbose_name=_("closed by"), on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("closed at"), default=timezone.now)
    reopened_at = models.DateTimeField(_("re-opened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(USER, verbose_name=_("re-opened by"), on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")
    reopen_reason = models.TextField(_("reason for re-opening"), blank=True)

    class Meta:
        ordering = ["case", "-closed_at", "-id"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def __str__(self) -> str:
        return f"{self.case_id} {self.outcome}"


class ReminderSent(models.Model):
    """One e-mail reminder per subject, recipient and day: the job never sends twice."""

    kind = models.CharField(_("kind"), max_length=30, choices=ReminderKind.choices)
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("object"))
    recipient = models.ForeignKey(USER, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "recipient", "sent_on"], name="one_reminder_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.recipient_id} {self.sent_on}"


