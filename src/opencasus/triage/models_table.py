"""The triage table with its partners: standing members, triage sessions, contributions and information requests.

Who may see what of these is decided in `opencasus.access.triage_table` and
`opencasus.access.information_requests`; nothing here is shown without going through them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.transitions import TransitionTable


class LifeDomainsMixin:
    life_domains: list[str]

    @property
    def life_domain_labels(self) -> list[str]:
        return [str(LifeDomain(code).label) for code in self.life_domains if code in LifeDomain.values]


class StandingMember(models.Model):
    """A seat of an organisation (or of one named professional of it) at a house's triage table, or, with a
    meeting type, at that conference type. A seat at the triage table lets the organisation's partner
    professionals of the house see the intakes listed on a triage session until the decision."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    meeting_type = models.ForeignKey("network.MeetingType", verbose_name=_("meeting type"), on_delete=models.CASCADE,
                                     null=True, blank=True, related_name="+",
                                     help_text=_("Empty: a seat at the triage table."))
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("named professional"),
                             on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    started_at = models.DateTimeField(_("member since"), default=timezone.now)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT,
                                   related_name="+")
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ended by"), on_delete=models.PROTECT,
                                 null=True, blank=True, related_name="+")
    end_reason = models.TextField(_("reason for ending"), blank=True)

    class Meta:
        ordering = ["house", "meeting_type_id", "organisation__name", "user_id"]
        verbose_name = _("standing member")
        verbose_name_plural = _("standing members")
        indexes = [models.Index(fields=["house", "organisation"], name="standing_house_org")]

    def __str__(self) -> str:
        return f"{self.organisation} / {self.user or '-'}"

    @property
    def active(self) -> bool:
        return self.ended_at is None


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Minutes final")
    CANCELLED = "cancelled", _("Cancelled")


SESSION_TRANSITIONS = TransitionTable({
    SessionStatus.PLANNED: frozenset({SessionStatus.HELD, SessionStatus.CANCELLED}),
    SessionStatus.HELD: frozenset({SessionStatus.CLOSED}),
    SessionStatus.CLOSED: frozenset(),
    SessionStatus.CANCELLED: frozenset(),
}, label=lambda s: str(SessionStatus(s).label))


class TriageSession(models.Model):
    """One meeting of the triage table: its date, the intakes on its list and short minutes."""

    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=SessionStatus.choices,
                              default=SessionStatus.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("minutes by"), on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    minutes_at = models.DateTimeField(_("minutes written at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("planned by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("planned at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("triage session")
        verbose_name_plural = _("triage sessions")
        indexes = [models.Index(fields=["house", "date"], name="triagesession_house_date")]

    def __str__(self) -> str:
        return f"{self.house} {self.date:%Y-%m-%d}"


class SessionItem(models.Model):
    """An intake on a session's list."""

    session = models.ForeignKey(TriageSession, verbose_name=_("triage session"), on_delete=models.CASCADE,
                                related_name="items")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="triage_session_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT,
                                 related_name="+")

    class Meta:
        ordering = ["session", "position", "id"]
        verbose_name = _("intake on a triage session")
        verbose_name_plural = _("intakes on a triage session")
        constraints = [models.UniqueConstraint(fields=["session", "case"], name="one_item_per_case_per_session")]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.case_id}"


class Contribution(LifeDomainsMixin, models.Model):
    """What a standing member brings to the triage table about one intake, with the life domains it concerns."""

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="triage_contributions")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(_("contribution"))
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["case", "created_at", "id"]
        verbose_name = _("triage contribution")
        verbose_name_plural = _("triage contributions")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.organisation}"


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


REQUEST_TRANSITIONS = TransitionTable({
    RequestStatus.OPEN: frozenset({RequestStatus.ANSWERED, RequestStatus.WITHDRAWN}),
    RequestStatus.ANSWERED: frozenset(),
    RequestStatus.WITHDRAWN: frozenset(),
}, label=lambda s: str(RequestStatus(s).label))


class AnswerScope(models.TextChoices):
    TRIAGE_TABLE = "triage_table", _("Triage table only")
    CORE_STAFF = "core_staff", _("Process director and secretary only")


class InformationRequest(LifeDomainsMixin, models.Model):
    """The process director asks an organisation for information about an intake before the triage table."""

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                             related_name="information_requests")
    # The case's house, copied so that the addressed organisation's list is read from one index.
    house = models.ForeignKey("network.House", verbose_name=_("house"), on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("asked of"), on_delete=models.PROTECT,
                                     related_name="+")
    persons = models.ManyToManyField("cases.Person", verbose_name=_("about"), related_name="+")
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    question = models.TextField(_("question"))
    due_date = models.DateField(_("answer by"))
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        indexes = [models.Index(fields=["house", "organisation", "status"], name="inforequest_house_org")]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.organisation}"

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status == RequestStatus.OPEN and self.due_date < (today or timezone.localdate())


class InformationAnswer(LifeDomainsMixin, models.Model):
    """The addressed organisation's answer. Shared with the triage table only unless it says otherwise."""

    request = models.OneToOneField(InformationRequest, verbose_name=_("information request"),
                                   on_delete=models.CASCADE, related_name="answer")
    organisation = models.ForeignKey("network.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(_("answer"))
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    sharing_scope = models.CharField(_("shared with"), max_length=20, choices=AnswerScope.choices,
                                     default=AnswerScope.TRIAGE_TABLE)
    legal_basis = models.CharField(_("legal basis for sharing"), max_length=300)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to an information request")
        verbose_name_plural = _("answers to information requests")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.organisation}"
