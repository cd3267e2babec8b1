"""The processing log, after the structure of the Dutch "Logboek Dataverwerkingen" standard.

One `ProcessingRecord` per data subject per action, with trace and span ids. The acting
professional is kept apart, in a linked `AuditRecord`. Both tables are append-only (a
PostgreSQL trigger refuses UPDATE and DELETE) and every record carries a hash chained to the
previous record of its chain (one chain per house, chain 0 for work outside a house).
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    VIEW = "view", _("View")
    CREATE = "create", _("Create")
    UPDATE = "update", _("Update")
    DELETE = "delete", _("Delete")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Print")
    SEARCH = "search", _("Search")


class ActivityCode(StrEnum):
    """The codes of the register of processing activities (`logbook.register.DEFAULT_ACTIVITIES`).

    Every record names one of them; `record_processing` refuses any other code with a ValueError.
    """

    INTAKE = "intake"
    TRIAGE = "triage"
    CASE_CONFERENCE = "case-conference"
    ACTION_PLAN = "action-plan"
    PRIVACY = "privacy"
    MANAGEMENT_INFORMATION = "management-information"
    NETWORK = "network"


class Outcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    DENIED = "denied", _("Denied")
    ERROR = "error", _("Error")


class ProcessingActivity(models.Model):
    """An entry in a house's register of processing activities (AVG art. 30)."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="processing_activities")
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=150)
    purpose = models.TextField(_("purpose"))
    legal_basis = models.TextField(_("legal basis"))
    retention = models.CharField(_("retention"), max_length=300, blank=True)

    class Meta:
        ordering = ["house", "name"]
        verbose_name = _("processing activity")
        verbose_name_plural = _("processing activities")
        constraints = [models.UniqueConstraint(fields=["house", "code"], name="unique_activity_code")]

    def __str__(self) -> str:
        return self.name


class ChainHead(models.Model):
    """The last link of one hash chain; locked while a record is appended."""

    chain = models.BigIntegerField(primary_key=True)
    last_sequence = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="")
    # Retention may remove the oldest records; the chain then starts after this point.
    purged_through_sequence = models.BigIntegerField(default=0)
    purged_through_hash = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"chain {self.chain} @ {self.last_sequence}"


class ProcessingRecord(models.Model):
    chain = models.BigIntegerField(_("chain"))
    sequence = models.BigIntegerField(_("sequence"))
    trace_id = models.CharField(_("trace id"), max_length=32)
    span_id = models.CharField(_("span id"), max_length=16)
    parent_span_id = models.CharField(_("parent span id"), max_length=16, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    house_id = models.BigIntegerField(_("house"), null=True, blank=True)
    activity = models.ForeignKey(ProcessingActivity, verbose_name=_("processing activity"),
                                 on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    activity_code = models.CharField(_("processing activity code"), max_length=50)
    purpose = models.TextField(_("purpose"))
    object_type = models.CharField(_("object type"), max_length=50, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    case_id = models.BigIntegerField(_("case"), null=True, blank=True)
    data_subject = models.CharField(_("data subject (pseudonym)"), max_length=64, blank=True)
    previous_hash = models.CharField(max_length=64)
    record_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["chain", "sequence"]
        verbose_name = _("processing record")
        verbose_name_plural = _("processing records")
        constraints = [models.UniqueConstraint(fields=["chain", "sequence"], name="unique_chain_sequence")]
        indexes = [
            models.Index(fields=["data_subject", "started_at"], name="log_subject_time"),
            models.Index(fields=["case_id", "started_at"], name="log_case_time"),
            models.Index(fields=["started_at"], name="log_time"),
        ]

    def __str__(self) -> str:
        return f"{self.chain}/{self.sequence} {self.action} {self.activity_code}"


class AuditRecord(models.Model):
    """Who acted: kept apart from the processing record it belongs to."""

    # No database foreign key: on PostgreSQL the records are partitioned and a key to them would have
    # to include `started_at`. The hash chain covers the audit fields; verification reports a record
    # whose audit record is missing.
    record = models.OneToOneField(ProcessingRecord, on_delete=models.PROTECT, primary_key=True,
                                  related_name="audit", db_constraint=False)
    user_id = models.BigIntegerField(_("professional"), null=True, blank=True)
    username = models.CharField(_("username"), max_length=150, blank=True)
    organisation_id = models.BigIntegerField(_("organisation"), null=True, blank=True)
    role = models.CharField(_("role"), max_length=32, blank=True)
    client_address = models.CharField(_("client address"), max_length=45, blank=True)
    # A copy of the record's `started_at` (equal by construction, checked by the verification): the
    # privacy officer's searches by professional or organisation walk these indexes newest first and look
    # each record up by id, stopping after a page (`privacy.selectors.log_order`).
    started_at = models.DateTimeField(_("started at"))

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = [
            models.Index(fields=["user_id", "started_at"], name="audit_user_time"),
            models.Index(fields=["organisation_id", "started_at"], name="audit_organisation_time"),
        ]

    def __str__(self) -> str:
        return f"{self.username} ({self.role})"


class RefusedAccess(models.Model):
    """An attempt to open a case that was answered 404: the case is hidden from the user or does not
    exist. The answer is the same either way; this record lets the privacy officer see someone trying
    case numbers. No personal data: who, which case number, when, and the case's house if it exists."""

    at = models.DateTimeField(_("at"))
    user_id = models.BigIntegerField(_("professional"), null=True, blank=True)
    username = models.CharField(_("username"), max_length=150, blank=True)
    case_id = models.BigIntegerField(_("case number"))
    house_id = models.BigIntegerField(_("house"), null=True, blank=True)  # None: no such case
    client_address = models.CharField(_("client address"), max_length=45, blank=True)
    trace_id = models.CharField(_("trace id"), max_length=32, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("refused access")
        verbose_name_plural = _("refused accesses")
        indexes = [
            models.Index(fields=["house_id", "at"], name="refused_house_time"),
            models.Index(fields=["user_id", "at"], name="refused_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.username} {self.case_id} {self.at:%Y-%m-%d %H:%M}"
