"""Reviews on the list's cycle: an included person stays on the list (next review one cycle on) or leaves it
because an exit criterion is met. An overdue review is signalled to core staff once per review date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import topx as access
from opencasus.logbook.models import Action
from opencasus.network.models import Approach, HouseApproach
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.topx.models import Candidate, ExitCriterion, Review
from opencasus.topx.services._common import REVIEW, check_version, log_candidates, require_text
from opencasus.topx.vocabulary import ReviewOutcome, Stage

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@transaction.atomic
def review_record(*, actor: User, candidate_id: int, outcome: str, grounds: str,
                  exit_criterion_id: int | None = None, reviewed_on: dt.date | None = None,
                  expected_version: int | None = None) -> Review:
    candidate = (Candidate.objects.select_for_update(of=("self",)).select_related("topx_list")
                 .filter(access.candidate_filter(actor), pk=candidate_id).first())
    if candidate is None or not access.may_work_candidates(actor, candidate.house_id):
        raise Http404
    check_version(current=candidate.version, expected=expected_version)
    if candidate.stage != Stage.INCLUDED:
        raise ValidationError(_("Only a person included on the list is reviewed."), code="invalid_transition")
    today = timezone.localdate()
    reviewed_on = reviewed_on or today
    errors: dict[str, list[str]] = {}
    if outcome not in ReviewOutcome.values:
        errors["outcome"] = [_("Choose the outcome of the review.")]
    if reviewed_on > today or (candidate.decided_at and reviewed_on < timezone.localdate(candidate.decided_at)):
        errors["reviewed_on"] = [_("The review date lies between the inclusion and today.")]
    exit_criterion = None
    if outcome == ReviewOutcome.EXIT:
        exit_criterion = ExitCriterion.objects.filter(pk=exit_criterion_id or 0,
                                                      topx_list_id=candidate.topx_list_id).first()
        if exit_criterion is None:
            errors["exit_criterion"] = [_("Choose the exit criterion that is met.")]
    try:
        grounds = require_text(field="grounds", text=grounds, message=_("Give the grounds of the review."))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    review = Review.objects.create(candidate=candidate, reviewed_on=reviewed_on, outcome=outcome,
                                   exit_criterion=exit_criterion, grounds=grounds, recorded_by=actor)
    if outcome == ReviewOutcome.EXIT:
        candidate.stage, candidate.exited_on, candidate.next_review_date = Stage.EXITED, reviewed_on, None
    else:
        candidate.next_review_date = reviewed_on + relativedelta(months=candidate.topx_list.review_cycle_months)
    candidate.version += 1
    candidate.save(update_fields=["stage", "exited_on", "next_review_date", "version"])
    log_candidates(actor=actor, house_id=candidate.house_id, candidates=[candidate], action=Action.CREATE,
                   object_type="topx-review", object_id=review.pk, activity=REVIEW)
    return review


def signal_overdue_reviews(*, today: dt.date | None = None) -> int:
    """Notify the core staff of the house of every review past its date (once per person and review date).
    Only houses that run Top X. Returns the number of notifications written."""
    today = today or timezone.localdate()
    running = HouseApproach.objects.filter(approach=Approach.TOP_X, enabled=True).values("house_id")
    overdue = (Candidate.objects.filter(stage=Stage.INCLUDED, next_review_date__lt=today, house_id__in=running)
               .select_related("case").order_by("house_id", "id"))
    written = 0
    staff: dict[int, list[int]] = {}
    for candidate in overdue:
        if candidate.house_id not in staff:
            staff[candidate.house_id] = access.core_staff_user_ids(candidate.house_id)
        with transaction.atomic():
            written += len(notify(
                user_ids=staff[candidate.house_id], kind=Kind.TOPX_REVIEW_OVERDUE,
                link=reverse("topx:candidate", args=[candidate.pk]),
                case_reference=candidate.case.reference if candidate.case else "", house_id=candidate.house_id,
                on_date=candidate.next_review_date,
                subject_key=f"topx-review-{candidate.pk}-{candidate.next_review_date}"))
    return written
