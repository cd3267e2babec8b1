"""Reporting's own records: advice to local administrators and police incident counts.

Everything else reporting shows is computed from the other apps' records, as aggregates.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Advice(models.Model):
    """Advice given to a municipality's administrators at the end of an area or theme case."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.PROTECT,
                              related_name="advice")
    # The advice is about an area, not a person: it survives the deletion of the case.
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="advice")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, related_name="advice")
    target_group = models.ForeignKey("network.TargetGroup", verbose_name=_("theme"), on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="advice")
    text = models.TextField(_("advice"))
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("given by"), on_delete=models.PROTECT,
                                 related_name="+")
    given_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        indexes = [models.Index(fields=["municipality", "-given_at"], name="advice_municipality")]

    def __str__(self) -> str:
        return f"{self.municipality} {self.given_at:%Y-%m-%d}"


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class IncidentImport(models.Model):
    """One delivery of police incident counts (a CSV file), with its progress and rejected rows."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.PROTECT,
                              related_name="incident_imports")
    filename = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices,
                              default=ImportStatus.PENDING)
    # The file's text until it is processed; emptied afterwards.
    source = models.TextField(blank=True)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    accepted_rows = models.PositiveIntegerField(_("rows imported"), default=0)
    # [{"line": 7, "reason": "..."}], line numbers as in the file (the header is line 1).
    rejected = models.JSONField(_("rejected rows"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("police data import")
        verbose_name_plural = _("police data imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.uploaded_at:%Y-%m-%d})"

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status == ImportStatus.DONE else 0
        return round(100 * self.processed_rows / self.total_rows)


class IncidentSource(models.TextChoices):
    """Where an incident count comes from: the study in the seeds counts both, and reports them apart."""

    POLICE = "police", _("police incident registration")
    JUDICIAL = "judicial", _("criminal record")


class PoliceIncident(models.Model):
    """Incidents recorded for one (pseudonymised) person on one day, per source: the police's incident
    registrations (BVH) or the criminal records (judicial documentation)."""

    person = models.ForeignKey("cases.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="police_incidents")
    incident_date = models.DateField(_("incident date"))
    count = models.PositiveIntegerField(_("number of incidents"))
    source = models.CharField(_("source"), max_length=20, choices=IncidentSource.choices,
                              default=IncidentSource.POLICE)
    source_import = models.ForeignKey(IncidentImport, verbose_name=_("import"), on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="incidents")

    class Meta:
        ordering = ["person", "incident_date"]
        verbose_name = _("police incident count")
        verbose_name_plural = _("police incident counts")
        constraints = [
            models.UniqueConstraint(fields=["person", "incident_date", "source"],
                                    name="one_incident_count_per_day_and_source"),
        ]

    def __str__(self) -> str:
        return f"{self.incident_date}: {self.count}"


class RecidivismMeasurement(models.Model):
    """One recidivism measurement of a house: the subject persons whose action plan was first adopted
    in [period_start, period_end]. Its pseudonym key list goes to the police once per reason."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.PROTECT,
                              related_name="recidivism_measurements")
    period_start = models.DateField(_("plans adopted from"))
    period_end = models.DateField(_("plans adopted until (inclusive)"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["house", "-period_start", "-id"]
        verbose_name = _("recidivism measurement")
        verbose_name_plural = _("recidivism measurements")
        constraints = [models.UniqueConstraint(fields=["house", "period_start", "period_end"],
                                               name="one_measurement_per_house_period")]

    def __str__(self) -> str:
        return f"{self.house_id} {self.period_start}\u2013{self.period_end}"


class KeyListExport(models.Model):
    """One export of a measurement's pseudonym key list: who, when, why and for how many persons."""

    measurement = models.ForeignKey(RecidivismMeasurement, verbose_name=_("measurement"),
                                    on_delete=models.PROTECT, related_name="exports")
    reason = models.TextField(_("reason"))
    # The reason folded (case, spaces) so that a repeated reason is recognised.
    reason_key = models.CharField(max_length=64)
    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("exported by"),
                                    on_delete=models.PROTECT, related_name="+")
    exported_at = models.DateTimeField(_("exported at"), default=timezone.now)
    person_count = models.PositiveIntegerField(_("persons"))

    class Meta:
        ordering = ["-exported_at", "-id"]
        verbose_name = _("key list export")
        verbose_name_plural = _("key list exports")
        constraints = [models.UniqueConstraint(fields=["measurement", "reason_key"],
                                               name="one_key_list_export_per_reason")]

    def __str__(self) -> str:
        return f"{self.measurement_id} {self.exported_at:%Y-%m-%d}"


class SummaryMonth(models.Model):
    """One calendar month of a house in the dashboard summary: built from the case records, or stale.

    The dashboard reads a month's `MonthlyFigure` rows only while the month is built and not stale;
    otherwise it counts that month from the case records. Services that change what a past month
    counts mark the month stale in their own transaction (`reporting.summary.mark_case_months_stale`).
    """

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))  # the first day
    stale = models.BooleanField(_("stale"), default=True)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)

    class Meta:
        ordering = ["house", "month"]
        verbose_name = _("summary month")
        verbose_name_plural = _("summary months")
        constraints = [models.UniqueConstraint(fields=["house", "month"], name="one_summary_month_per_house")]

    def __str__(self) -> str:
        return f"{self.house_id} {self.month:%Y-%m}"


class MonthlyFigure(models.Model):
    """A count, or the exact durations (whole microseconds, sorted), of one house in one month.

    Kinds and keys: `reporting.monthly`. Durations keep every value, so medians and percentiles over
    any run of months are exactly those computed from the timestamps.
    """

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    kind = models.CharField(_("kind"), max_length=30)
    key = models.CharField(_("key"), max_length=200, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    durations = models.JSONField(_("durations"), default=list, blank=True)

    class Meta:
        ordering = ["house", "month", "kind", "key"]
        verbose_name = _("monthly figure")
        verbose_name_plural = _("monthly figures")
        constraints = [models.UniqueConstraint(fields=["house", "kind", "month", "key"],
                                               name="one_monthly_figure")]

    def __str__(self) -> str:
        return f"{self.house_id} {self.month:%Y-%m} {self.kind} {self.key}: {self.count}"
