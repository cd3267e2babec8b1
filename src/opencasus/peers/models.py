"""The hit check across installations: each house's persons under the pseudonym key the installations share,
and the answers of the peer installations to this installation's questions.

Houses do not all run one installation. A peer installation is asked whether a person of a new intake is
known there, by a keyed pseudonym (HMAC-SHA256 under `OPENCASUS_PEER_PSEUDONYM_KEY`, shared by the
installations) of the BSN, or of the normalised name and date of birth; never the identifier itself. It
answers hit or no hit, the stage, and whom to contact; nothing else.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeerPseudonym(models.Model):
    """A person of this installation under the shared key: what a peer's question is matched against."""

    person = models.OneToOneField("cases.Person", on_delete=models.CASCADE, related_name="peer_pseudonym")
    bsn = models.CharField(max_length=64, blank=True, db_index=True)
    name_dob = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("peer pseudonym")
        verbose_name_plural = _("peer pseudonyms")

    def __str__(self) -> str:
        return f"peer pseudonyms of person {self.person_id}"


class PeerCheckStatus(models.TextChoices):
    ASKED = "asked", _("Asked, no answer yet")
    ANSWERED = "answered", _("Answered")
    NO_ANSWER = "no_answer", _("Did not answer")


class PeerHitCheck(models.Model):
    """The question about one intake to one peer installation, and its answer (hits without any content)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="peer_checks")
    peer = models.CharField(_("peer installation"), max_length=100)
    status = models.CharField(_("status"), max_length=12, choices=PeerCheckStatus.choices,
                              default=PeerCheckStatus.ASKED)
    hits = models.JSONField(_("hits"), default=list, blank=True)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    error = models.CharField(_("why there is no answer"), max_length=200, blank=True)

    class Meta:
        ordering = ["case", "peer"]
        verbose_name = _("hit check at a peer installation")
        verbose_name_plural = _("hit checks at peer installations")
        constraints = [models.UniqueConstraint(fields=["case", "peer"], name="unique_peer_check")]

    def __str__(self) -> str:
        return f"{self.peer} about case {self.case_id}: {self.status}"
