"""Cases: the intake, the people involved, participants and what they share.

A `Person` is a person as recorded in one case (each house keeps its own data and its own
retention); the hit check matches persons across cases by the keyed BSN hash or by normalised
name and date of birth.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.cases.vocabulary import (
    LifeDomain,
    PeopleInformed,
    Relation,
    Route,
    SharingScope,
    SubjectType,
    Urgency,
)
from opencasus.cases.workflow import Status
from opencasus.core.choices import ChoiceLabelsMixin


class Case(ChoiceLabelsMixin, models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    subject_type = models.CharField(_("subject"), max_length=10, choices=SubjectType.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    # The intake (aanmelding)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("filed by"), on_delete=models.PROTECT,
                                 related_name="filed_cases")
    filed_by_organisation = models.ForeignKey("network.Organisation", verbose_name=_("filing organisation"),
                                              on_delete=models.PROTECT, related_name="filed_cases")
    filed_at = models.DateTimeField(_("filed at"), default=timezone.now)
    reason = models.TextField(_("reason for the intake"))
    requested_purpose = models.TextField(_("what the filer wants to achieve"))
    route = models.CharField(_("route"), max_length=30, choices=Route.choices)
    release_date = models.DateField(_("release date (after-care)"), null=True, blank=True)
    target_group = models.ForeignKey("network.TargetGroup", verbose_name=_("target group or theme"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"),
                                     on_delete=models.PROTECT, related_name="cases")
    neighbourhood = models.CharField(_("neighbourhood"), max_length=150, blank=True)
    area_description = models.TextField(_("description of the area or theme"), blank=True)
    running_trajectories = models.TextField(_("running trajectories known elsewhere"), blank=True)
    people_informed = models.CharField(_("were the people concerned told?"), max_length=3,
                                       choices=PeopleInformed.choices)
    not_informed_reason = models.TextField(_("why not"), blank=True)
    # Fixed at admission (doelbinding): nothing is shared with partners before it exists.
    purpose = models.TextField(_("purpose of the case conference"), blank=True)
    questions = models.TextField(_("questions to answer"), blank=True)
    meeting_type = models.ForeignKey("network.MeetingType", verbose_name=_("meeting type"), on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="cases")
    # What the filing partner is told about the triage outcome (they see status and this, nothing else).
    feedback_to_filer = models.TextField(_("feedback to the filer"), blank=True)
    feedback_at = models.DateTimeField(_("feedback given at"), null=True, blank=True)
    admitted_at = models.DateTimeField(_("admitted at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # Who directs the case for the house (procesregie); its history is `DirectorAssignment`.
    process_director = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("process director"),
                                         on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="directed_cases")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-last_activity_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["house", "status", "filed_at"], name="case_house_status"),
            models.Index(fields=["house", "-last_activity_at"], name="case_house_activity"),
            models.Index(fields=["filed_by", "-filed_at"], name="case_filer"),
        ]

    def __str__(self) -> str:
        return self.reference


class Person(ChoiceLabelsMixin, models.Model):
    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="persons")
    pseudonym = models.UUIDField(_("pseudonym"), default=uuid.uuid4, unique=True, editable=False)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices, default=Relation.SUBJECT)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=150)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    bsn_encrypted = models.TextField(blank=True)
    bsn_hash = models.CharField(max_length=64, blank=True, db_index=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    municipality = models.ForeignKey("network.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    # Normalised for the fuzzy hit check: lower case, no diacritics, particles removed, tokens sorted.
    # Matched only together with the date of birth, through the (date_of_birth, name_key) index: an index
    # on name_key alone tempts the planner into fetching every "Jan Jansen" in the country.
    name_key = models.CharField(max_length=250)

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [models.Index(fields=["date_of_birth", "name_key"], name="person_dob_name")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class InvolvedPartner(models.Model):
    """A partner already involved with the people concerned, as the filer knows it."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="involved_partners")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    organisation_name = models.CharField(_("organisation (if not in the list)"), max_length=200, blank=True)
    contact = models.CharField(_("contact person and details"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("involved partner")
        verbose_name_plural = _("involved partners")

    def __str__(self) -> str:
        return str(self.organisation or self.organisation_name)


class StatusChange(ChoiceLabelsMixin, models.Model):
    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="status_changes")
    # The case's house, copied so that management information counts a house's history from one
    # index instead of joining every case (a case never moves to another house).
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="+", db_index=False)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT,
                                   null=True, related_name="+")
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["case", "changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["house", "to_status", "changed_at"], name="statuschange_house_status")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_status} → {self.to_status}"


class ParticipantQuerySet(models.QuerySet["Participant"]):
    def active(self) -> ParticipantQuerySet:
        return self.filter(ended_at__isnull=True)


class Participant(ChoiceLabelsMixin, models.Model):
    """An organisation (and optionally a named professional) taking part in an admitted case.

    Access for a professional requires a row naming them; an organisation-level row (no user) marks
    the organisation as a recipient for sharing scopes. Access ends when `ended_at` is set.
    """

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("professional"), on_delete=models.PROTECT,
                             null=True, blank=True, related_name="participations")
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["case", "organisation__name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation", "user"], condition=Q(ended_at__isnull=True),
                                    name="one_active_participation"),
        ]
        indexes = [models.Index(fields=["user", "case"], name="participant_user_case")]

    def __str__(self) -> str:
        return f"{self.organisation} / {self.user or '-'}"


class InformationItem(models.Model):
    """What a participant contributes from their own organisation's records, per life domain."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="information_items")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
                               related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("concerns"), on_delete=models.CASCADE, null=True, blank=True,
                               related_name="information_items")
    life_domain = models.CharField(_("life domain"), max_length=30, choices=LifeDomain.choices)
    text = models.TextField(_("information"))
    sharing_scope = models.CharField(_("shared with"), max_length=30, choices=SharingScope.choices)
    shared_with = models.ManyToManyField("network.Organisation", verbose_name=_("named organisations"), blank=True,
                                         related_name="+")
    legal_basis = models.CharField(_("legal basis for sharing"), max_length=300)
    # Set by the contributor: the item may go along when the case is transferred to another house.
    transferable = models.BooleanField(_("may go along with a transfer"), default=False)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["case", "created_at"]
        verbose_name = _("information item")
        verbose_name_plural = _("information items")

    def __str__(self) -> str:
        return f"{self.get_life_domain_display()} ({self.organisation})"


class MatchedBy(models.TextChoices):
    BSN = "bsn", _("BSN")
    NAME_DOB = "name_dob", _("Name and date of birth")


class HitWhere(models.TextChoices):
    INTAKE = "intake", _("Intake")
    IN_TRIAGE = "in_triage", _("In triage")
    RUNNING_CASE = "running_case", _("Running case")


class CaseHit(models.Model):
    """A hit of the latest hit check: where else a person of this case is known (no content)."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="hits")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="hits")
    matched_by = models.CharField(_("matched by"), max_length=10, choices=MatchedBy.choices)
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    where = models.CharField(_("where"), max_length=20, choices=HitWhere.choices)
    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)

    class Meta:
        ordering = ["case", "person", "id"]
        verbose_name = _("hit")
        verbose_name_plural = _("hits")

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.house_id} ({self.where})"


class ReferenceCounter(models.Model):
    """The last reference number handed out per house per year (locked while incremented)."""

    house = models.ForeignKey("network.House", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["house", "year"], name="one_counter_per_house_year")]

    def __str__(self) -> str:
        return f"{self.house_id}/{self.year}: {self.last_number}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    sharing_scope = models.CharField(_("shared with"), max_length=30, choices=SharingScope.choices,
                                     default=SharingScope.TRIAGE_TABLE)

    class Meta:
        ordering = ["case", "uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class AssignmentKind(models.TextChoices):
    INTAKE = "intake", _("Picked up at intake")
    TRIAGE = "triage", _("Assigned at triage")
    REASSIGNMENT = "reassignment", _("Reassigned")


class DirectorAssignment(ChoiceLabelsMixin, models.Model):
    """One change of a case's process director: who, when, from whom, to whom and why.

    At an admission past a house maximum the row also keeps the load the triage table saw and that the
    warning was confirmed."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="director_assignments")
    # Copied from the case, so the history of a house's load reads from one index (a case never moves house).
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=AssignmentKind.choices)
    from_director = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("previous process director"),
                                      on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    to_director = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("new process director"),
                                    on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["case", "at", "id"]
        verbose_name = _("process director assignment")
        verbose_name_plural = _("process director assignments")
        indexes = [models.Index(fields=["house", "at"], name="assignment_house_at")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_director_id} → {self.to_director_id}"


class OverLimitAdmission(models.Model):
    """An admission past a house maximum, confirmed at the triage table: the load it saw and who confirmed."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="over_limit_admissions")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    director = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("process director"),
                                 on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    director_load = models.PositiveIntegerField(_("director's active cases before the admission"), null=True,
                                                blank=True)
    house_load = models.PositiveIntegerField(_("house's active cases before the admission"))
    per_director = models.PositiveIntegerField(_("maximum per process director"), null=True, blank=True)
    per_house = models.PositiveIntegerField(_("maximum for the house"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), default=timezone.now)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("confirmed by"),
                                     on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["case", "confirmed_at", "id"]
        verbose_name = _("admission past a caseload maximum")
        verbose_name_plural = _("admissions past a caseload maximum")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.house_load}/{self.per_house}"
