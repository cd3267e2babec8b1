"""The Kindspoor (seed 001, Zuid-Holland Zuid: "zodra er bij een melding kinderen in het spel zijn, volgen we
consequent de Kindspoor-methodiek - en volgt er ook altijd een hulpaanbod aan het gezin").

- `DomesticViolenceTargetGroup`: a target group of the house whose cases count as domestic violence.
- `DomesticViolenceFlag`: core staff mark one case as domestic violence ("huiselijk geweld") whatever its
  target group.
- `ChildCheck`: for every minor of such a case: seen and heard, safety assessed, help offered to the family,
  Veilig Thuis and the Child Protection Board involved or not, with the reason. The plan of the case cannot be
  adopted while a minor has no complete check (`childtrack.selectors.adoption_gate`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class SafetyOutcome(models.TextChoices):
    SAFE = "safe", _("Safe")
    CONDITIONALLY_SAFE = "conditional", _("Safe under conditions (safety plan)")
    UNSAFE = "unsafe", _("Unsafe: measures needed")


class DomesticViolenceTargetGroup(models.Model):
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    target_group = models.OneToOneField("network.TargetGroup", verbose_name=_("target group or theme"),
                                        on_delete=models.CASCADE, related_name="domestic_violence")

    class Meta:
        verbose_name = _("domestic-violence target group")
        verbose_name_plural = _("domestic-violence target groups")

    def __str__(self) -> str:
        return str(self.target_group_id)


class DomesticViolenceFlag(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="domestic_violence_flag")
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    note = models.TextField(_("note"), blank=True)
    flagged_at = models.DateTimeField(_("flagged at"), default=timezone.now)
    flagged_by = models.ForeignKey(USER, verbose_name=_("flagged by"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("domestic-violence flag")
        verbose_name_plural = _("domestic-violence flags")

    def __str__(self) -> str:
        return str(self.case_id)


class ChildCheck(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="child_checks")
    # A copy of the case's house (a case never moves house): the management information counts from an index.
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    person = models.OneToOneField("cases.Person", verbose_name=_("child"), on_delete=models.CASCADE,
                                  related_name="child_check")
    seen_and_heard = models.BooleanField(_("seen and heard"), null=True, blank=True)
    seen_on = models.DateField(_("seen and heard on"), null=True, blank=True)
    seen_by = models.CharField(_("seen and heard by"), max_length=200, blank=True)
    safety_outcome = models.CharField(_("outcome of the safety assessment"), max_length=20,
                                      choices=SafetyOutcome.choices, blank=True)
    safety_note = models.TextField(_("safety assessment note"), blank=True)
    help_offered = models.BooleanField(_("help offered to the family"), null=True, blank=True)
    help_organisation = models.ForeignKey("network.Organisation", verbose_name=_("help offered by"),
                                          on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    veilig_thuis_involved = models.BooleanField(_("Veilig Thuis involved"), null=True, blank=True)
    veilig_thuis_reason = models.TextField(_("reason (Veilig Thuis)"), blank=True)
    board_involved = models.BooleanField(_("Child Protection Board involved"), null=True, blank=True)
    board_reason = models.TextField(_("reason (Child Protection Board)"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(USER, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(USER, verbose_name=_("updated by"), on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["case", "person__date_of_birth", "id"]
        verbose_name = _("child check")
        verbose_name_plural = _("child checks")
        indexes = [models.Index(fields=["house", "recorded_at"], name="childcheck_house_recorded")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.person_id}"

    def missing(self) -> list[str]:
        """The questions of the check that are not answered yet (field names)."""
        gaps = []
        if self.seen_and_heard is None or (self.seen_and_heard and (self.seen_on is None or not self.seen_by)):
            gaps.append("seen_and_heard")
        if not self.safety_outcome:
            gaps.append("safety_outcome")
        if self.help_offered is None or (self.help_offered and self.help_organisation_id is None):
            gaps.append("help_offered")
        if self.veilig_thuis_involved is None or not self.veilig_thuis_reason:
            gaps.append("veilig_thuis")
        if self.board_involved is None or not self.board_reason:
            gaps.append("board")
        return gaps

    @property
    def complete(self) -> bool:
        return not self.missing()
