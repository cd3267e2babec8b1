"""Triage (weegoverleg): the assessment against the national and local criteria, and the decision.

The triage is kept apart from the case discussion: it decides *whether* and *how* a case is taken
up, fixes the purpose (doelbinding) and who takes part. What participants may see afterwards is
decided by `opencasus.access.policy`; nothing in this app is shown to partners.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.cases.vocabulary import LifeDomain


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


class Criterion(models.TextChoices):
    """The four national criteria for complex problems (Landelijk kader §4.2)."""

    MULTIPLE_PROBLEMS = "multiple_problems", _(
        "Multiple problems on more than one life domain, leading to crime or nuisance")
    MULTIPLE_CHAINS = "multiple_chains", _(
        "More than one chain is needed, at least the 'dwang en drang' (coercion) chain")
    SYSTEM_IMPACT = "system_impact", _("Impact on the family system or the social environment")
    AREA_SAFETY = "area_safety", _("OR: a serious local or area-bound safety problem")


# The first three together, or the fourth on its own, make a case "complex" in the national sense.
CUMULATIVE_CRITERIA = (Criterion.MULTIPLE_PROBLEMS, Criterion.MULTIPLE_CHAINS, Criterion.SYSTEM_IMPACT)


class Verdict(models.TextChoices):
    MEETS = "meets", _("Meets the criteria")
    DOES_NOT_MEET = "does_not_meet", _("Does not meet the criteria")
    UNDETERMINED = "undetermined", _("Undetermined")


def compute_verdict(answers: dict[str, str]) -> str:
    """Meets when the first three criteria are yes, or the fourth is; does not meet when that is impossible."""
    area = answers.get(Criterion.AREA_SAFETY, Answer.UNKNOWN)
    cumulative = [answers.get(c, Answer.UNKNOWN) for c in CUMULATIVE_CRITERIA]
    if area == Answer.YES or all(a == Answer.YES for a in cumulative):
        return Verdict.MEETS
    if area == Answer.NO and any(a == Answer.NO for a in cumulative):
        return Verdict.DOES_NOT_MEET
    return Verdict.UNDETERMINED


class Assessment(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="triage_assessment")
    multiple_problems = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN)
    multiple_problems_explanation = models.TextField(_("explanation"), blank=True)
    multiple_chains = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN)
    multiple_chains_explanation = models.TextField(_("explanation"), blank=True)
    system_impact = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN)
    system_impact_explanation = models.TextField(_("explanation"), blank=True)
    area_safety = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN)
    area_safety_explanation = models.TextField(_("explanation"), blank=True)
    computed_verdict = models.CharField(_("computed verdict"), max_length=20, choices=Verdict.choices,
                                        default=Verdict.UNDETERMINED)
    override_verdict = models.CharField(_("verdict of the triage table"), max_length=20, choices=Verdict.choices,
                                        blank=True)
    override_grounds = models.TextField(_("grounds for overruling the computed verdict"), blank=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("triage assessment")
        verbose_name_plural = _("triage assessments")

    def __str__(self) -> str:
        return f"{self.case}: {self.get_computed_verdict_display()}"

    def answers(self) -> dict[str, str]:
        return {c.value: getattr(self, c.value) for c in Criterion}

    @property
    def verdict(self) -> str:
        """The verdict that counts: the table's, when it overruled the computed one."""
        return self.override_verdict or self.computed_verdict

    def get_verdict_display(self) -> str:
        return str(Verdict(self.verdict).label)


class LifeDomainNote(models.Model):
    assessment = models.ForeignKey(Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE,
                                   related_name="life_domains")
    life_domain = models.CharField(_("life domain"), max_length=30, choices=LifeDomain.choices)
    note = models.TextField(_("note"))

    class Meta:
        ordering = ["assessment", "id"]
        verbose_name = _("affected life domain")
        verbose_name_plural = _("affected life domains")
        constraints = [models.UniqueConstraint(fields=["assessment", "life_domain"], name="one_note_per_domain")]

    def __str__(self) -> str:
        return self.get_life_domain_display()


class LocalCriterionAnswer(models.Model):
    assessment = models.ForeignKey(Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE,
                                   related_name="local_answers")
    criterion = models.ForeignKey("network.LocalCriterion", verbose_name=_("local criterion"),
                                  on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["assessment", "criterion_id"]
        verbose_name = _("answer to a local criterion")
        verbose_name_plural = _("answers to local criteria")
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="one_answer_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.get_answer_display()}"


class Outcome(models.TextChoices):
    ADMIT = "admit", _("Admit to a case conference")
    ADVICE = "advice", _("Advice only")
    ROUTE = "route", _("Route elsewhere")
    DECLINE = "decline", _("Decline")


class RouteTarget(models.TextChoices):
    ZSM = "zsm", _("ZSM table")
    REGULAR_CHAIN = "regular_chain", _("Regular chain cooperation")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Neighbourhood team")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    LOCAL_MEETING = "local_meeting", _("Local meeting")
    OTHER = "other", _("Other")


class Decision(models.Model):
    """The triage table's decision on one intake. One per case; the status change is the lock."""

    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="triage_decision")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    grounds = models.TextField(_("grounds"))
    advice = models.TextField(_("advice"), blank=True)
    routed_to = models.CharField(_("routed to"), max_length=30, choices=RouteTarget.choices, blank=True)
    routed_to_detail = models.CharField(_("routed to (detail)"), max_length=200, blank=True)
    verdict = models.CharField(_("verdict at the decision"), max_length=20, choices=Verdict.choices)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT,
                                   related_name="+")
    # "Past in de strategische agenda": the priority theme of the region's agenda (of the intake's year) it fits.
    priority_theme = models.ForeignKey("governance.PriorityTheme", verbose_name=_("priority theme"),
                                       on_delete=models.PROTECT, null=True, blank=True, related_name="decisions")

    class Meta:
        verbose_name = _("triage decision")
        verbose_name_plural = _("triage decisions")

    def __str__(self) -> str:
        return f"{self.case}: {self.get_outcome_display()}"


class ParticipantEvent(models.Model):
    """Who added or ended a participation, when and why: the history of need-to-know access."""

    class Kind(models.TextChoices):
        ADDED = "added", _("Added")
        ENDED = "ended", _("Ended")

    participant = models.ForeignKey("cases.Participant", verbose_name=_("participant"), on_delete=models.CASCADE,
                                    related_name="triage_events")
    kind = models.CharField(_("change"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT,
                           related_name="+")
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["participant", "at", "id"]
        verbose_name = _("participation change")
        verbose_name_plural = _("participation changes")

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_kind_display()}"


# The triage table with its partners (standing members, sessions, contributions, information requests).
from opencasus.triage.models_table import (  # noqa: E402
    SESSION_TRANSITIONS,
    AnswerScope,
    Contribution,
    InformationAnswer,
    InformationRequest,
    RequestStatus,
    SessionItem,
    SessionStatus,
    StandingMember,
    TriageSession,
)

__all__ = ["SESSION_TRANSITIONS", "AnswerScope", "Contribution", "InformationAnswer", "InformationRequest",
           "RequestStatus", "SessionItem", "SessionStatus", "StandingMember", "TriageSession"]
