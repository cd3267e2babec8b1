"""The house's advice for the ZSM disposal of a person in an admitted case.

ZSM (Zorgvuldig, Snel en op Maat) is the public prosecutor's fast track for everyday crime. When a person
of a running case of the house is brought before the ZSM table, the OM asks the house whether the person is
known; the answer is only what the house recorded for that purpose: a short advice and whom to contact.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_ADVICE_LENGTH = 1000


class ZsmAdvice(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="zsm_advice")
    text = models.TextField(_("advice for the ZSM disposal"), max_length=MAX_ADVICE_LENGTH)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("ZSM advice")
        verbose_name_plural = _("ZSM advice")

    def __str__(self) -> str:
        return f"ZSM advice on case {self.case_id}"
