"""The network of a Veiligheidshuis: regions, houses, municipalities, organisations, memberships."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A Veiligheidshuis region: one per safety region (veiligheidsregio)."""

    code = models.CharField(_("code"), max_length=4, unique=True)  # VR01..VR25
    name = models.CharField(_("name"), max_length=100)
    number = models.PositiveSmallIntegerField(_("number"))
    seat_municipality = models.ForeignKey(
        "Municipality",
        verbose_name=_("seat municipality (receives the national contribution)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, unique=True)  # GMxxxx
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT,
                               related_name="municipalities")
    active = models.BooleanField(_("current"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class House(models.Model):
    """A (Zorg- en) Veiligheidshuis location. A region may have more than one."""

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="houses")
    name = models.CharField(_("name"), max_length=150, unique=True)
    city = models.CharField(_("location"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    # Triage cadence: intakes filed before the cut-off go to the next triage table.
    triage_weekday = models.PositiveSmallIntegerField(_("triage weekday (0 = Monday)"), default=1)
    triage_cutoff_weekday = models.PositiveSmallIntegerField(_("cut-off weekday (0 = Monday)"), default=0)
    triage_cutoff_time = models.TimeField(_("cut-off time"), default=dt.time(12, 0))
    small_count_threshold = models.PositiveSmallIntegerField(
        _("suppress counts below"), default=5,
        help_text=_("Aggregates below this number are shown as suppressed."))
    read_only_days_after_closure = models.PositiveSmallIntegerField(
        _("read-only days for participants after closure"), default=14)

    class Meta:
        ordering = ["name"]
        verbose_name = _("house")
        verbose_name_plural = _("houses")

    def __str__(self) -> str:
        return self.name


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    POLICE = "police", _("Police")
    PUBLIC_PROSECUTOR = "public_prosecutor", _("Public prosecutor (OM)")
    CHILD_PROTECTION_BOARD = "child_protection_board", _("Child Protection Board (RvdK)")
    RECLASSERING_NEDERLAND = "reclassering_nederland", _("Reclassering Nederland")
    SVG = "svg", _("SVG (addiction probation)")
    LEGER_DES_HEILS = "leger_des_heils", _("Leger des Heils")
    DJI = "dji", _("Prison service (DJI)")
    YOUTH_CARE = "youth_care", _("Youth care / certified institution")
    GGZ = "ggz", _("Mental health care (GGZ)")
    DISABILITY_CARE = "disability_care", _("Disability care")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    HOUSING_CORPORATION = "housing_corporation", _("Housing corporation")
    UWV = "uwv", _("UWV")
    SOCIAL_WORK = "social_work", _("Social work")
    SCHOOL_ATTENDANCE = "school_attendance", _("School attendance")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    type = models.CharField(_("type"), max_length=32, choices=OrganisationType.choices)
    municipality = models.ForeignKey(Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="organisations",
                                     help_text=_("For a municipality: which one."))
    email = models.EmailField(_("general e-mail address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Ring(models.TextChoices):
    CORE = "core", _("Core staff")
    KEY_PARTNER = "key_partner", _("Key partner")
    FLEXIBLE_SHELL = "flexible_shell", _("Flexible shell")


class PartnershipQuerySet(models.QuerySet["Partnership"]):
    def covenant_in_force(self, on: dt.date | None = None) -> PartnershipQuerySet:
        on = on or timezone.localdate()
        return self.filter(covenant_signed_on__lte=on).filter(
            Q(covenant_ended_on__isnull=True) | Q(covenant_ended_on__gt=on))


class Partnership(models.Model):
    """An organisation's place in a house's network, and its privacy covenant."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     related_name="partnerships")
    ring = models.CharField(_("ring"), max_length=20, choices=Ring.choices)
    covenant_signed_on = models.DateField(_("privacy covenant signed on"), null=True, blank=True)
    covenant_ended_on = models.DateField(_("privacy covenant ended on"), null=True, blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["house", "ring", "organisation__name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.UniqueConstraint(fields=["house", "organisation"], name="one_partnership_per_house"),
            models.CheckConstraint(
                condition=Q(covenant_ended_on__isnull=True) | Q(covenant_signed_on__isnull=False)
                & Q(covenant_ended_on__gte=models.F("covenant_signed_on")),
                name="covenant_ends_after_signing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.house}"

    def covenant_in_force(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        if self.covenant_signed_on is None or self.covenant_signed_on > on:
            return False
        return self.covenant_ended_on is None or self.covenant_ended_on > on


class Role(models.TextChoices):
    PROCESS_DIRECTOR = "process_director", _("Process director")
    SECRETARY = "secretary", _("Secretary")
    PARTNER_PROFESSIONAL = "partner_professional", _("Partner professional")
    HOUSE_MANAGER = "house_manager", _("House manager")
    MUNICIPALITY_OFFICER = "municipality_officer", _("Municipality officer")
    STEERING_GROUP_MEMBER = "steering_group_member", _("Steering-group member")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer (FG)")
    FUNCTIONAL_ADMINISTRATOR = "functional_administrator", _("Functional administrator")
    # A system client of the ZSM table (on behalf of the public prosecutor): asks whether a person is known
    # and receives only the house's recorded ZSM advice of an admitted case, never case content.
    ZSM_CLIENT = "zsm_client", _("ZSM system client")
    # Bound to one municipality (`Membership.municipality`), like the municipality officer.
    AFTERCARE_COORDINATOR = "aftercare_coordinator", _("After-care coordinator")
    # The national programme (the ministry): national aggregates per region and the escalations raised to the
    # national level, never a case. The grant is recorded in a house (whose administrators approve it) but its
    # scope is national; the house gives no other right (docs/national.md).
    NATIONAL_OFFICER = "national_officer", _("National programme")


CORE_STAFF_ROLES = frozenset({Role.PROCESS_DIRECTOR, Role.SECRETARY})
# Roles that see case content, and roles that approve or administer grants: a grant of one of these takes
# effect only after a second person approved it (four eyes). Aggregate-only roles take effect at once.
CONTENT_ROLES = frozenset({*CORE_STAFF_ROLES, Role.PARTNER_PROFESSIONAL, Role.AFTERCARE_COORDINATOR})
# Roles whose grant names the municipality they act for.
MUNICIPALITY_ROLES = frozenset({Role.MUNICIPALITY_OFFICER, Role.AFTERCARE_COORDINATOR})
APPROVAL_REQUIRED_ROLES = frozenset({*CONTENT_ROLES, Role.HOUSE_MANAGER, Role.FUNCTIONAL_ADMINISTRATOR,
                                     Role.PRIVACY_OFFICER, Role.ZSM_CLIENT, Role.NATIONAL_OFFICER})
# Roles whose scope is the whole country rather than the house their grant is recorded in.
NATIONAL_ROLES = frozenset({Role.NATIONAL_OFFICER})


class Approval(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self, on: dt.date | None = None) -> MembershipQuerySet:
        """Approved memberships running on `on`: the only ones any role question may count."""
        on = on or timezone.localdate()
        return self.filter(approval=Approval.APPROVED, started_on__lte=on).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=on))

    def pending(self) -> MembershipQuerySet:
        return self.filter(approval=Approval.PENDING)


class Membership(models.Model):
    """A professional's role in a house, on behalf of an organisation. One row per role."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("professional"), on_delete=models.CASCADE,
                             related_name="memberships")
    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     related_name="memberships")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    municipality = models.ForeignKey(Municipality, verbose_name=_("municipality (for municipality officers)"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    # Four eyes: who asked for the grant, and who approved or refused it (never the same person).
    approval = models.CharField(_("approval"), max_length=10, choices=Approval.choices, default=Approval.APPROVED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved or refused by"),
                                   on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("approved or refused at"), null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=500, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["house", "user", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "house", "organisation", "role"], name="unique_membership_role"),
        ]
        indexes = [models.Index(fields=["user", "house", "role"]), models.Index(fields=["house", "approval"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.house}"


class MeetingType(models.Model):
    """Couleur locale: a house's own meeting types (ICO, ZSM+ table, Top X, ...)."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE, related_name="meeting_types")
    name = models.CharField(_("name"), max_length=100)
    usual_chair = models.CharField(_("usual chair"), max_length=150, blank=True)
    cadence = models.CharField(_("cadence"), max_length=100, blank=True)
    default_slot_minutes = models.PositiveSmallIntegerField(_("default minutes per case"), default=20)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["house", "name"]
        verbose_name = _("meeting type")
        verbose_name_plural = _("meeting types")
        constraints = [models.UniqueConstraint(fields=["house", "name"], name="unique_meeting_type")]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.Model):
    """Couleur locale: a house's target groups and themes."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE, related_name="target_groups")
    name = models.CharField(_("name"), max_length=100)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["house", "name"]
        verbose_name = _("target group or theme")
        verbose_name_plural = _("target groups and themes")
        constraints = [models.UniqueConstraint(fields=["house", "name"], name="unique_target_group")]

    def __str__(self) -> str:
        return self.name


class LocalCriterion(models.Model):
    """Couleur locale: a triage criterion a house adds to the national ones."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE,
                              related_name="local_criteria")
    text = models.CharField(_("criterion"), max_length=300)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["house", "id"]
        verbose_name = _("local triage criterion")
        verbose_name_plural = _("local triage criteria")

    def __str__(self) -> str:
        return self.text


class CaseloadLimit(models.Model):
    """A house's maximum of active (admitted) cases per process director and for the house as a whole.

    No row, or an empty value, means no maximum. The triage table is warned before admitting past one."""

    house = models.OneToOneField(House, verbose_name=_("house"), on_delete=models.CASCADE,
                                 related_name="caseload_limit")
    per_director = models.PositiveSmallIntegerField(_("maximum of active cases per process director"), null=True,
                                                    blank=True)
    per_house = models.PositiveIntegerField(_("maximum of active cases for the house"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("caseload maximum")
        verbose_name_plural = _("caseload maximums")

    def __str__(self) -> str:
        return f"{self.house}: {self.per_director} / {self.per_house}"


class Approach(models.TextChoices):
    """The approaches a house may run on the national core; each is switched on or off per house."""

    TOP_X = "top_x", _("Top X")
    CHILD_TRACK = "child_track", _("Kindspoor")
    AFTERCARE = "aftercare", _("After-care of ex-detainees")
    GROUP = "group", _("Group approach")
    CRISIS_LANE = "crisis_lane", _("Crisis lane")


class HouseApproach(models.Model):
    """Whether a house runs an approach. No row means the approach is off for that house."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE, related_name="approaches")
    approach = models.CharField(_("approach"), max_length=20, choices=Approach.choices)
    enabled = models.BooleanField(_("switched on"), default=False)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["house", "approach"]
        verbose_name = _("approach of a house")
        verbose_name_plural = _("approaches of houses")
        constraints = [models.UniqueConstraint(fields=["house", "approach"], name="unique_house_approach")]

    def __str__(self) -> str:
        return f"{self.house}: {self.get_approach_display()} ({'on' if self.enabled else 'off'})"


class CrisisLaneSettings(models.Model):
    """The periods of a house's crisis lane, in working days: triage counted from filing, the first case
    conference counted from admission. No row means the national defaults (one and three working days)."""

    house = models.OneToOneField(House, verbose_name=_("house"), on_delete=models.CASCADE,
                                 related_name="crisis_lane_settings")
    triage_days = models.PositiveSmallIntegerField(_("working days to triage"), default=1)
    conference_days = models.PositiveSmallIntegerField(_("working days to the case conference"), default=3)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("crisis-lane settings")
        verbose_name_plural = _("crisis-lane settings")

    def __str__(self) -> str:
        return f"{self.house}: {self.triage_days} / {self.conference_days}"


# Identity providers live in their own module (network/identity); imported here so Django registers them.
from opencasus.network.identity.models import IdentityProvider, MatchField, ProviderSecondFactor  # noqa: E402, F401
