"""Vocabulary of the after-care of ex-detainees: the items of the timeline and their statuses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    # The five municipal basic conditions (basisvoorwaarden) for a return after detention.
    IDENTITY = "identity", _("Identity document")
    INCOME = "income", _("Income")
    HOUSING = "housing", _("Housing")
    CARE = "care", _("Care")
    DEBTS = "debts", _("Debts")
    # The warm hand-over on the release date, and a check some weeks after release.
    HANDOVER = "handover", _("Warm hand-over")
    AFTER_CHECK = "after_check", _("Check after release")


BASIC_CONDITIONS = (ItemKind.IDENTITY, ItemKind.INCOME, ItemKind.HOUSING, ItemKind.CARE, ItemKind.DEBTS)
ORDER = {kind: index for index, kind in enumerate(ItemKind)}


class ItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    NOT_NEEDED = "not_needed", _("Not needed")


class ReleaseMatch(models.TextChoices):
    MATCHED = "matched", _("Linked to a case of the house")
    UNMATCHED = "unmatched", _("No case yet")
    INTAKE_FILED = "intake_filed", _("Intake filed")


# Default offsets: days before the release date for each basic condition, weeks after it for the check.
DEFAULT_DAYS_BEFORE = {
    ItemKind.IDENTITY: 42,
    ItemKind.INCOME: 28,
    ItemKind.HOUSING: 42,
    ItemKind.CARE: 28,
    ItemKind.DEBTS: 14,
}
DEFAULT_CHECK_WEEKS = 6
UPCOMING_WEEKS = 12
