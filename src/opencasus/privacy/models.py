"""Privacy lifecycle: retention settings and runs, anonymised figures, data-subject requests, log checks.

Retention periods are configured per house and per processing category, each with its source (the
house's covenant, a policy document). No period is built in as law: without a policy for a category
nothing of that category is deleted. Anonymised case records keep the counts reporting needs after a
case is deleted; they hold no names, dates of birth, BSN or free text.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RetentionCategory(models.TextChoices):
    INTAKE_DECLINED = "intake_declined", _("Declined intakes")
    INTAKE_ROUTED = "intake_routed", _("Intakes routed elsewhere")
    INTAKE_ADVICE = "intake_advice", _("Intakes answered with advice only")
    CASE_CLOSED = "case_closed", _("Closed cases")
    MINUTES = "minutes", _("Minutes of case conferences")
    ATTACHMENTS = "attachments", _("Attachments")
    PROCESSING_LOG = "processing_log", _("Processing-log records")


class RetentionPolicy(models.Model):
    """How long one category of data is kept in one house, counted from its anchor date."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="retention_policies")
    category = models.CharField(_("category"), max_length=30, choices=RetentionCategory.choices)
    period_months = models.PositiveIntegerField(
        _("retention period (months)"),
        help_text=_("Counted from the decision (intakes), the closure (cases, attachments, minutes) or the "
                    "moment of processing (log records)."))
    source = models.CharField(_("source"), max_length=300,
                              help_text=_("Where this period comes from, e.g. “privacy covenant art. 7”."))
    is_example = models.BooleanField(
        _("example value"), default=False,
        help_text=_("An example value that the house has not yet confirmed from its own covenant."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["house", "category"]
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        constraints = [models.UniqueConstraint(fields=["house", "category"], name="one_policy_per_category")]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.period_months}"


class PrivacySettings(models.Model):
    """Per-house thresholds for the signals the privacy officer sees."""

    house = models.OneToOneField("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                                 related_name="privacy_settings")
    many_cases_count = models.PositiveIntegerField(
        _("many cases: number of cases"), default=15,
        help_text=_("Signal when one professional opens more than this number of different cases …"))
    many_cases_window_minutes = models.PositiveIntegerField(
        _("many cases: within minutes"), default=60, help_text=_("… within this many minutes."))
    odd_hours_start = models.PositiveSmallIntegerField(_("odd hours from (hour)"), default=22)
    odd_hours_end = models.PositiveSmallIntegerField(_("odd hours until (hour)"), default=6)
    export_persons_count = models.PositiveIntegerField(
        _("large export: number of persons"), default=25,
        help_text=_("Signal when one export concerns at least this many persons."))
    look_back_days = models.PositiveIntegerField(_("signals over the last days"), default=14)

    class Meta:
        verbose_name = _("privacy settings")
        verbose_name_plural = _("privacy settings")

    def __str__(self) -> str:
        return str(self.house)


class RetentionRun(models.Model):
    """One run of the retention job (or a dry run): what went, or would go, and when."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="retention_runs")
    run_date = models.DateField(_("run date"))
    dry_run = models.BooleanField(_("dry run"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # {category: number of items}; items: [{category, objectType, objectId, label, expiresOn, due}]
    summary = models.JSONField(_("summary"), default=dict)
    items = models.JSONField(_("items"), default=list)
    errors = models.JSONField(_("errors"), default=list)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"{self.house_id} {self.run_date} {'dry' if self.dry_run else 'real'}"


class AnonymisedCaseRecord(models.Model):
    """What reporting keeps of a deleted case: categories and months, never a person."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="anonymised_cases")
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, related_name="+")
    route = models.CharField(_("route"), max_length=30)
    subject_type = models.CharField(_("subject"), max_length=10)
    target_group = models.ForeignKey("network.TargetGroup", verbose_name=_("target group or theme"),
                                     on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    meeting_type = models.ForeignKey("network.MeetingType", verbose_name=_("meeting type"),
                                     on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    filing_organisation = models.ForeignKey("network.Organisation", verbose_name=_("filing organisation"),
                                            on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    urgency = models.CharField(_("urgency"), max_length=10, blank=True)
    final_status = models.CharField(_("status when deleted"), max_length=20)
    triage_outcome = models.CharField(_("triage outcome"), max_length=20, blank=True)
    filed_month = models.DateField(_("filed in (month)"))
    triage_month = models.DateField(_("triage decision in (month)"), null=True, blank=True)
    closed_month = models.DateField(_("closed in (month)"), null=True, blank=True)
    person_count = models.PositiveIntegerField(_("number of persons"))
    child_count = models.PositiveIntegerField(_("number of children"))
    retention_category = models.CharField(_("deleted under"), max_length=30, choices=RetentionCategory.choices)
    deleted_month = models.DateField(_("deleted in (month)"))

    class Meta:
        ordering = ["house", "filed_month"]
        verbose_name = _("anonymised case record")
        verbose_name_plural = _("anonymised case records")
        indexes = [models.Index(fields=["house", "filed_month"], name="anon_house_filed")]

    def __str__(self) -> str:
        return f"{self.house_id} {self.filed_month:%Y-%m} {self.route} {self.final_status}"


class RightsRequestKind(models.TextChoices):
    ACCESS = "access", _("Access (art. 15)")
    RECTIFICATION = "rectification", _("Rectification (art. 16)")
    ERASURE = "erasure", _("Erasure (art. 17)")
    RESTRICTION = "restriction", _("Restriction (art. 18)")
    OBJECTION = "objection", _("Objection (art. 21)")


class RightsRequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_REQUEST_STATUSES = frozenset({RightsRequestStatus.RECEIVED, RightsRequestStatus.IN_PROGRESS})


class RightsRequest(models.Model):
    """A data subject's request (AVG art. 15-21), its handling and its legal deadline."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="rights_requests")
    kind = models.CharField(_("kind of request"), max_length=20, choices=RightsRequestKind.choices)
    requester_name = models.CharField(_("name of the data subject"), max_length=200)
    # The persons found for the requester, by pseudonym (the processing log's data subjects).
    pseudonyms = models.JSONField(_("persons concerned (pseudonyms)"), default=list, blank=True)
    received_on = models.DateField(_("received on"))
    deadline = models.DateField(_("deadline"))
    extended_until = models.DateField(_("extended until"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    description = models.TextField(_("what is asked"))
    status = models.CharField(_("status"), max_length=20, choices=RightsRequestStatus.choices,
                              default=RightsRequestStatus.RECEIVED)
    handling = models.TextField(_("handling"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("registered by"),
                                      on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("rights request")
        verbose_name_plural = _("rights requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.received_on}"

    @property
    def effective_deadline(self) -> object:
        return self.extended_until or self.deadline

    def is_overdue(self, today: object = None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_REQUEST_STATUSES and self.effective_deadline < today  # type: ignore[operator]


class SubjectAccessRequest(models.Model):
    """An access request (art. 15): the person searched for and the persons found, by pseudonym."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="subject_access_requests")
    requester_name = models.CharField(_("name of the data subject"), max_length=200)
    # The search: BSN only as its keyed hash; or normalised name with date of birth.
    bsn_hash = models.CharField(max_length=64, blank=True)
    name_key = models.CharField(max_length=250, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    pseudonyms = models.JSONField(_("persons found (pseudonyms)"), default=list, blank=True)
    received_on = models.DateField(_("received on"))
    deadline = models.DateField(_("deadline"))
    rights_request = models.OneToOneField(RightsRequest, verbose_name=_("rights request"),
                                          on_delete=models.SET_NULL, null=True, blank=True,
                                          related_name="subject_access")
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("registered by"),
                                      on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subject access request")
        verbose_name_plural = _("subject access requests")

    def __str__(self) -> str:
        return f"{self.requester_name} — {self.received_on}"


class VerificationTrigger(models.TextChoices):
    SCHEDULE = "schedule", _("Schedule")
    ON_DEMAND = "on_demand", _("On demand")


class LogVerification(models.Model):
    """One run of the hash-chain verification and what it found.

    A scheduled run covers every chain (house empty); an on-demand run by a privacy officer covers the
    chain of their house. `reports` holds [{chain, records, problems}].
    """

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              null=True, blank=True, related_name="log_verifications")
    trigger = models.CharField(_("started by"), max_length=10, choices=VerificationTrigger.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    chain_count = models.PositiveIntegerField(_("chains"), default=0)
    record_count = models.PositiveBigIntegerField(_("records"), default=0)
    problem_count = models.PositiveIntegerField(_("problems"), default=0)
    reports = models.JSONField(_("reports"), default=list)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("log verification")
        verbose_name_plural = _("log verifications")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.problem_count}"
