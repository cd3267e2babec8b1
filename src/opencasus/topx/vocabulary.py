"""Stages of a Top X candidate, review outcomes and where a candidate came from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    INCLUDED = "included", _("Included")
    NOT_INCLUDED = "not_included", _("Not included")
    EXITED = "exited", _("Exited")


# Shown, never stored: an included person whose review date has come.
UNDER_REVIEW = "under_review"
UNDER_REVIEW_LABEL = _("Under review")


class Source(models.TextChoices):
    PROPOSAL = "proposal", _("Proposed by a partner")
    IMPORT = "import", _("Imported from the police list")


class ReviewOutcome(models.TextChoices):
    CONTINUE = "continue", _("Stays on the list")
    EXIT = "exit", _("Leaves the list: an exit criterion is met")


MIN_SCORE = 0
MAX_SCORE_LIMIT = 10
MAX_CRITERIA = 10
MAX_CYCLE_MONTHS = 24
