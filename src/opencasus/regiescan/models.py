"""The regie scan ("Gemeentelijke regie: Scan & verbeter uzelf"): once a year a municipality officer answers
how the municipality directs the house; the answers give a score per theme, compared with the years before
and with the region's average.

The questionnaire (themes with their tips, questions with their weight, the scale) belongs to the house and is
set by its house manager or functional administrator; a new house starts from the default set in
`regiescan/defaults/nl.json` (`regiescan.defaults`). A submission keeps the scale it was answered on, so a
later change of the scale does not change an earlier score.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

NAME_LENGTH = 200
QUESTION_LENGTH = 1000
TIP_LENGTH = 10000
MIN_SCALE, MAX_SCALE = 3, 10
MAX_WEIGHT = 5


class ScanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", pgettext_lazy("regie scan", "Submitted")


class ScanSettings(models.Model):
    house = models.OneToOneField("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                                 related_name="regiescan_settings")
    scale_points = models.PositiveSmallIntegerField(
        _("points on the answer scale"), default=5,
        help_text=_("Every question is answered from 1 (not at all) up to this number (fully)."))
    tip_below = models.PositiveSmallIntegerField(
        _("show the tips of a theme below this score (%)"), default=60)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("regie scan settings")
        verbose_name_plural = _("regie scan settings")

    def __str__(self) -> str:
        return f"Regie scan settings of house {self.house_id}"


class Theme(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="regiescan_themes")
    # Stable across houses for the default themes, so that the region's average compares like with like.
    key = models.SlugField(_("key"), max_length=50)
    name = models.CharField(_("name"), max_length=NAME_LENGTH)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    tip = models.TextField(_("tips when the score is low"), max_length=TIP_LENGTH, blank=True)
    active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["house", "position", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["house", "key"], name="regiescan_unique_theme_key")]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    theme = models.ForeignKey(Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="questions")
    text = models.CharField(_("question"), max_length=QUESTION_LENGTH)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["theme__position", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class Submission(models.Model):
    """One municipality's scan of one year in one house: a draft until the officer submits it."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.PROTECT,
                              related_name="regiescan_submissions")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, related_name="regiescan_submissions")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=ScanStatus.choices, default=ScanStatus.DRAFT)
    scale_points = models.PositiveSmallIntegerField(_("points on the answer scale"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"),
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-year", "municipality__name"]
        verbose_name = _("regie scan")
        verbose_name_plural = _("regie scans")
        constraints = [models.UniqueConstraint(fields=["house", "municipality", "year"],
                                               name="regiescan_one_per_year")]
        indexes = [models.Index(fields=["year", "status"], name="regiescan_year_status")]

    def __str__(self) -> str:
        return f"Regie scan {self.year} of municipality {self.municipality_id}"


class Answer(models.Model):
    submission = models.ForeignKey(Submission, verbose_name=_("regie scan"), on_delete=models.CASCADE,
                                   related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT,
                                 related_name="answers")
    value = models.PositiveSmallIntegerField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["submission", "question"], name="regiescan_one_answer")]

    def __str__(self) -> str:
        return f"Answer to question {self.question_id}"
