"""After-care of ex-detainees (Landelijk kader, DJI: the "warme overdracht", DPAN).

- `AftercareSettings`: per house, how many days before the release each basic condition is due and how many
  weeks after it the check follows (defaults in `vocabulary`).
- `Timeline`: a case with an expected release date gets one: the five municipal basic conditions (identity
  document, income, housing, care, debts), each with an owner and a deadline counted back from the release date,
  the warm hand-over on the release date and a check some weeks after (`TimelineItem`). A moved release date
  moves the open deadlines; done items keep theirs.
- `ReleaseImport` and `ExpectedRelease`: the after-care coordinator of a municipality imports the expected
  releases (a DJI/DPAN list); a release matched to a case of the house updates that case's release date, the
  others are listed as upcoming releases to file an intake for.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.aftercare.vocabulary import (
    DEFAULT_CHECK_WEEKS,
    DEFAULT_DAYS_BEFORE,
    ItemKind,
    ItemStatus,
    ReleaseMatch,
)

USER = settings.AUTH_USER_MODEL


class AftercareSettings(models.Model):
    house = models.OneToOneField("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                                 related_name="aftercare_settings")
    identity_days = models.PositiveSmallIntegerField(_("identity document: days before release"),
                                                     default=DEFAULT_DAYS_BEFORE[ItemKind.IDENTITY])
    income_days = models.PositiveSmallIntegerField(_("income: days before release"),
                                                   default=DEFAULT_DAYS_BEFORE[ItemKind.INCOME])
    housing_days = models.PositiveSmallIntegerField(_("housing: days before release"),
                                                    default=DEFAULT_DAYS_BEFORE[ItemKind.HOUSING])
    care_days = models.PositiveSmallIntegerField(_("care: days before release"),
                                                 default=DEFAULT_DAYS_BEFORE[ItemKind.CARE])
    debts_days = models.PositiveSmallIntegerField(_("debts: days before release"),
                                                  default=DEFAULT_DAYS_BEFORE[ItemKind.DEBTS])
    check_weeks = models.PositiveSmallIntegerField(_("check: weeks after release"), default=DEFAULT_CHECK_WEEKS)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(USER, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("after-care settings")
        verbose_name_plural = _("after-care settings")

    def __str__(self) -> str:
        return str(self.house_id)


class Timeline(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="aftercare_timeline")
    # A copy of the case's house (a case never moves house), so lists filter on an index.
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    release_date = models.DateField(_("release date"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("after-care timeline")
        verbose_name_plural = _("after-care timelines")
        indexes = [models.Index(fields=["house", "release_date"], name="aftercare_timeline_release")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.release_date}"


class TimelineItem(models.Model):
    timeline = models.ForeignKey(Timeline, verbose_name=_("timeline"), on_delete=models.CASCADE,
                                 related_name="items")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("item"), max_length=20, choices=ItemKind.choices)
    owner_organisation = models.ForeignKey("network.Organisation", verbose_name=_("owner organisation"),
                                           on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    owner_user = models.ForeignKey(USER, verbose_name=_("owner professional"), on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.OPEN)
    note = models.TextField(_("note"), blank=True)
    # The warm hand-over: by whom (`owner_organisation`, usually the prison) to whom.
    receiver_organisation = models.ForeignKey("network.Organisation", verbose_name=_("handed over to"),
                                              on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    completed_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    completed_by = models.ForeignKey(USER, verbose_name=_("recorded by"), on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+")
    completed_on_time = models.BooleanField(_("done on time"), null=True, blank=True)
    reminded_on = models.DateField(_("overdue reminder sent on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("after-care item")
        verbose_name_plural = _("after-care items")
        constraints = [models.UniqueConstraint(fields=["timeline", "kind"], name="one_aftercare_item_per_kind")]
        indexes = [models.Index(fields=["house", "status", "deadline"], name="aftercare_item_due")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.deadline}"


class ReleaseImport(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(USER, verbose_name=_("imported by"), on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("imported at"), default=timezone.now)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    accepted_rows = models.PositiveIntegerField(_("accepted rows"), default=0)
    matched_rows = models.PositiveIntegerField(_("rows matched to a case"), default=0)
    # [{"line": 3, "field": "bsn", "reason": "..."}]: never the refused values themselves.
    rejected = models.JSONField(_("refused rows"), default=list)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("import of expected releases")
        verbose_name_plural = _("imports of expected releases")

    def __str__(self) -> str:
        return self.filename


class ExpectedRelease(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality of return"),
                                     on_delete=models.PROTECT, related_name="+")
    source_import = models.ForeignKey(ReleaseImport, verbose_name=_("import"), on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="releases")
    pseudonym = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=150)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    bsn_encrypted = models.TextField(blank=True)
    bsn_hash = models.CharField(max_length=64, blank=True, db_index=True)
    name_key = models.CharField(max_length=250)
    institution = models.CharField(_("institution"), max_length=200)
    release_date = models.DateField(_("expected release date"))
    match = models.CharField(_("status"), max_length=15, choices=ReleaseMatch.choices,
                             default=ReleaseMatch.UNMATCHED)
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["release_date", "id"]
        verbose_name = _("expected release")
        verbose_name_plural = _("expected releases")
        indexes = [models.Index(fields=["house", "municipality", "release_date"], name="release_house_mun_date")]

    def __str__(self) -> str:
        return f"{self.last_name} {self.release_date}"
