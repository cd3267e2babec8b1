"""The Top X approach (seed 001: "gezamenlijk hebben we een aantal criteria opgesteld en nu richten we ons op een
top X"):

- `TopXList`: a list a house keeps per theme or municipality, with its own inclusion criteria (each scored), exit
  criteria and a review cycle in months.
- `Candidate`: a person proposed by a partner or imported from the police list, with a score per criterion and a
  motivation; the triage table includes them (linked to a case of that person) or not, with grounds.
- `Review`: on the cycle, each included person is reviewed: stays on the list, or leaves it because an exit
  criterion is met.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.core.choices import ChoiceLabelsMixin
from opencasus.topx.vocabulary import UNDER_REVIEW, UNDER_REVIEW_LABEL, ReviewOutcome, Source, Stage

USER = settings.AUTH_USER_MODEL


class TopXList(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="+")
    name = models.CharField(_("name"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    review_cycle_months = models.PositiveSmallIntegerField(_("review cycle in months"), default=6)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(USER, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["house", "name", "id"]
        verbose_name = _("Top X list")
        verbose_name_plural = _("Top X lists")
        constraints = [models.UniqueConstraint(fields=["house", "name"], name="topx_list_unique_name")]

    def __str__(self) -> str:
        return self.name


class InclusionCriterion(models.Model):
    topx_list = models.ForeignKey(TopXList, verbose_name=_("Top X list"), on_delete=models.CASCADE,
                                  related_name="criteria")
    position = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("criterion"), max_length=1000)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)

    class Meta:
        ordering = ["topx_list", "position"]
        verbose_name = _("inclusion criterion")
        verbose_name_plural = _("inclusion criteria")
        constraints = [models.UniqueConstraint(fields=["topx_list", "position"], name="topx_criterion_position")]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


class ExitCriterion(models.Model):
    topx_list = models.ForeignKey(TopXList, verbose_name=_("Top X list"), on_delete=models.CASCADE,
                                  related_name="exit_criteria")
    position = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("exit criterion"), max_length=1000)

    class Meta:
        ordering = ["topx_list", "position"]
        verbose_name = _("exit criterion")
        verbose_name_plural = _("exit criteria")
        constraints = [models.UniqueConstraint(fields=["topx_list", "position"], name="topx_exit_position")]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


class Candidate(ChoiceLabelsMixin, models.Model):
    topx_list = models.ForeignKey(TopXList, verbose_name=_("Top X list"), on_delete=models.CASCADE,
                                  related_name="candidates")
    # A copy of the list's house (a list never moves house), so access filters on an index.
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    # The data subject in the processing log (as `cases.Person.pseudonym`).
    pseudonym = models.UUIDField(_("pseudonym"), default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=200)
    last_name = models.CharField(_("last name"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    bsn_encrypted = models.TextField(blank=True)
    bsn_hash = models.CharField(max_length=64, blank=True, db_index=True)
    motivation = models.TextField(_("motivation"))
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.PROPOSAL)
    proposed_by = models.ForeignKey(USER, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+")
    proposed_by_organisation = models.ForeignKey("network.Organisation", verbose_name=_("proposing organisation"),
                                                 on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    stage = models.CharField(_("stage"), max_length=15, choices=Stage.choices, default=Stage.PROPOSED)
    decision_grounds = models.TextField(_("grounds of the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(USER, verbose_name=_("decided by"), on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, null=True, blank=True,
                             related_name="topx_candidacies")
    next_review_date = models.DateField(_("next review"), null=True, blank=True)
    exited_on = models.DateField(_("left the list on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["topx_list", "-proposed_at", "-id"]
        verbose_name = _("Top X candidate")
        verbose_name_plural = _("Top X candidates")
        indexes = [
            models.Index(fields=["house", "stage", "next_review_date"], name="topx_candidate_stage"),
            models.Index(fields=["topx_list", "stage"], name="topx_candidate_list_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.topx_list_id}: {self.pk}"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def review_due(self, today: dt.date | None = None) -> bool:
        return (self.stage == Stage.INCLUDED and self.next_review_date is not None
                and self.next_review_date <= (today or timezone.localdate()))

    def review_overdue(self, today: dt.date | None = None) -> bool:
        return (self.stage == Stage.INCLUDED and self.next_review_date is not None
                and self.next_review_date < (today or timezone.localdate()))

    @property
    def shown_stage(self) -> str:
        return UNDER_REVIEW if self.review_due() else self.stage

    @property
    def shown_stage_label(self) -> str:
        return str(UNDER_REVIEW_LABEL) if self.review_due() else str(self.get_stage_display())

    @property
    def total_score(self) -> int:
        return sum(s.score for s in self.scores.all())


class CandidateScore(models.Model):
    candidate = models.ForeignKey(Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE,
                                  related_name="scores")
    criterion = models.ForeignKey(InclusionCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT,
                                  related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        ordering = ["candidate", "criterion__position"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["candidate", "criterion"], name="topx_score_once")]

    def __str__(self) -> str:
        return f"{self.candidate_id}/{self.criterion_id}: {self.score}"


class Review(ChoiceLabelsMixin, models.Model):
    candidate = models.ForeignKey(Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE,
                                  related_name="reviews")
    reviewed_on = models.DateField(_("reviewed on"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=ReviewOutcome.choices)
    exit_criterion = models.ForeignKey(ExitCriterion, verbose_name=_("exit criterion met"),
                                       on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    grounds = models.TextField(_("grounds"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(USER, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["candidate", "-reviewed_on", "-id"]
        verbose_name = _("Top X review")
        verbose_name_plural = _("Top X reviews")

    def __str__(self) -> str:
        return f"{self.candidate_id} {self.reviewed_on}"


class CandidateImport(models.Model):
    """One police list read in: how many rows were stored and, per refused row, the field and the reason."""

    topx_list = models.ForeignKey(TopXList, verbose_name=_("Top X list"), on_delete=models.CASCADE,
                                  related_name="imports")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("supplied by"),
                                     on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(USER, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    stored_rows = models.PositiveIntegerField(_("rows stored"), default=0)
    # [{"row": 3, "field": "bsn", "reason": "…"}]: the reasons in Dutch as they were given.
    refused = models.JSONField(_("refused rows"), default=list)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("Top X import")
        verbose_name_plural = _("Top X imports")

    def __str__(self) -> str:
        return f"{self.topx_list_id} {self.filename}"
