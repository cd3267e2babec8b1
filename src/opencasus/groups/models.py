"""The group approach (`001`: a problem-oriented intervention on a group and on its followers).

`GroupMember`: a member of the group of an area or group case (`cases.Case` with subject type AREA). Every member
is a person recorded in the group case (`cases.Person`, relation "group member" when the member was added on the
group page), so the plan's goals per family member (`plans.Goal.person`) are the goals per group member and a goal
without a person is a goal for the group: no second goal model. A member may have an individual case of the same
house linked to the group case; access to that case follows that case alone (`opencasus.access.groups`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.core.choices import ChoiceLabelsMixin
from opencasus.groups.vocabulary import MemberRole

USER = settings.AUTH_USER_MODEL


class GroupMember(ChoiceLabelsMixin, models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("group case"), on_delete=models.CASCADE,
                             related_name="group_members")
    # A copy of the case's house (a case never moves house), so the management information counts from an index.
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    person = models.OneToOneField("cases.Person", verbose_name=_("person"), on_delete=models.CASCADE,
                                  related_name="group_membership")
    role = models.CharField(_("role in the group"), max_length=20, choices=MemberRole.choices)
    tier = models.PositiveSmallIntegerField(_("tier"))
    start_date = models.DateField(_("member since"))
    end_date = models.DateField(_("left the group on"), null=True, blank=True)
    individual_case = models.ForeignKey("cases.Case", verbose_name=_("individual case"), on_delete=models.SET_NULL,
                                        null=True, blank=True, related_name="group_links")
    linked_at = models.DateTimeField(_("linked at"), null=True, blank=True)
    linked_by = models.ForeignKey(USER, verbose_name=_("linked by"), on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(USER, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["tier", "role", "id"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        indexes = [models.Index(fields=["house", "role"], name="groupmember_house_role")]
        constraints = [
            models.UniqueConstraint(fields=["case", "individual_case"],
                                    condition=models.Q(individual_case__isnull=False),
                                    name="one_link_per_individual_case"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.person_id} {self.role}"

    @property
    def active(self) -> bool:
        return self.end_date is None or self.end_date > timezone.localdate()
