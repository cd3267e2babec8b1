"""The words of transfers between houses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TransferStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
