"""Reads of the Top X approach. Each starts from `opencasus.access.topx`; a record outside the reader's filter
answers 404 exactly like a missing one. Reads of persons are logged here: a candidate's detail with the candidate
as data subject, a page of a list by `record_candidate_list_view` with the candidates shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import topx as access
from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.cases.models import Case
from opencasus.cases.workflow import ACTIVE_STATUSES
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.topx.models import Candidate, CandidateImport, Review, TopXList
from opencasus.topx.services._common import log_candidates
from opencasus.topx.vocabulary import UNDER_REVIEW, Stage

if TYPE_CHECKING:
    from opencasus.accounts.models import User


# Lists (configuration, no personal data: not logged) ------------------------------------------------------------

def topx_list_list(*, actor: User, house_id: int | None = None, active: bool | None = None) -> QuerySet[TopXList]:
    qs = TopXList.objects.filter(access.list_filter(actor)).select_related("house", "municipality")
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if active is not None:
        qs = qs.filter(active=active)
    return qs.prefetch_related("criteria", "exit_criteria").order_by("house__name", "name", "id")


def topx_list_get(*, actor: User, list_id: int) -> TopXList:
    topx_list = topx_list_list(actor=actor).filter(pk=list_id).first()
    if topx_list is None:
        raise Http404
    return topx_list


def may_keep(*, actor: User, topx_list: TopXList) -> bool:
    return access.may_keep_lists(actor, topx_list.house_id)


def may_work(*, actor: User, topx_list: TopXList) -> bool:
    return access.may_work_candidates(actor, topx_list.house_id)


def keeper_houses(*, actor: User) -> list[tuple[int, str]]:
    from opencasus.network.models import House

    return list(House.objects.filter(pk__in=access.keeper_house_ids(actor)).order_by("name")
                .values_list("pk", "name"))


def municipality_choices(*, house_ids: Iterable[int]) -> list[tuple[int, str]]:
    from opencasus.network.models import House, Municipality

    regions = House.objects.filter(pk__in=list(house_ids)).values("region_id")
    return list(Municipality.objects.filter(region_id__in=regions).order_by("name").values_list("pk", "name"))


def proposing_organisations(*, actor: User, house_id: int) -> list[tuple[int, str]]:
    from opencasus.network.models import Organisation

    ids = [o for h, o in access.proposing_pairs(actor) if h == house_id]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name"))


def supplying_organisations(*, house_id: int) -> list[tuple[int, str]]:
    """Partner organisations with a covenant in force (who may supply a list)."""
    from opencasus.network.models import Partnership

    return list(Partnership.objects.covenant_in_force().filter(house_id=house_id)
                .order_by("organisation__name").values_list("organisation_id", "organisation__name"))


# Candidates --------------------------------------------------------------------------------------------------

def candidate_list(*, actor: User, list_id: int | None = None, stage: str | None = None, overdue: bool = False,
                   mine: bool = False, house_id: int | None = None,
                   today: dt.date | None = None) -> QuerySet[Candidate]:
    today = today or timezone.localdate()
    qs = (Candidate.objects.filter(access.candidate_filter(actor))
          .select_related("topx_list", "case", "proposed_by_organisation").prefetch_related("scores__criterion"))
    if list_id is not None:
        qs = qs.filter(topx_list_id=list_id)
    if house_id is not None:
        qs = qs.filter(house_id=house_id)
    if stage == UNDER_REVIEW:
        qs = qs.filter(stage=Stage.INCLUDED, next_review_date__lte=today)
    elif stage == Stage.INCLUDED:
        qs = qs.filter(stage=Stage.INCLUDED).filter(Q(next_review_date__isnull=True) | Q(next_review_date__gt=today))
    elif stage:
        qs = qs.filter(stage=stage)
    if overdue:
        qs = qs.filter(stage=Stage.INCLUDED, next_review_date__lt=today)
    if mine:
        qs = qs.filter(proposed_by_id=actor.pk)
    return qs.order_by("topx_list_id", "stage", "next_review_date", "-proposed_at", "-id")


def record_candidate_list_view(*, actor: User, candidates: Iterable[Candidate]) -> None:
    """One view record per house, with the candidates shown as data subjects."""
    by_house: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_house.setdefault(candidate.house_id, []).append(candidate)
    for house_id, items in sorted(by_house.items()):
        log_candidates(actor=actor, house_id=house_id, candidates=items, action=Action.VIEW,
                       object_type="topx-candidate-list", object_id=house_id, purpose=purposes.TOP_X_LIST)


def candidate_check(*, actor: User, candidate_id: int) -> Candidate:
    """The candidate without a log record (access for a write or a form); 404 outside the reader's filter."""
    candidate = candidate_list(actor=actor).filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return candidate


def candidate_get(*, actor: User, candidate_id: int) -> tuple[Candidate, access.CandidateAccess]:
    candidate = candidate_check(actor=actor, candidate_id=candidate_id)
    level = access.candidate_level(actor, candidate)
    if level == access.CandidateAccess.NONE:
        raise Http404
    log_candidates(actor=actor, house_id=candidate.house_id, candidates=[candidate], action=Action.VIEW,
                   object_type="topx-candidate", object_id=candidate.pk)
    return candidate, level


def candidate_levels(*, actor: User, candidates: Iterable[Candidate]) -> dict[int, access.CandidateAccess]:
    return {c.pk: access.candidate_level(actor, c) for c in candidates}


def last_reviews(*, candidate_ids: Iterable[int]) -> dict[int, Review]:
    """The last review of each candidate (of candidates the reader already may see)."""
    result: dict[int, Review] = {}
    for review in (Review.objects.filter(candidate_id__in=list(candidate_ids)).select_related("exit_criterion")
                   .order_by("candidate_id", "-reviewed_on", "-id")):
        result.setdefault(review.candidate_id, review)
    return result


def candidate_reviews(*, candidate: Candidate) -> list[Review]:
    return list(candidate.reviews.select_related("exit_criterion", "recorded_by").order_by("-reviewed_on", "-id"))


def linkable_cases(*, actor: User, candidate: Candidate) -> QuerySet[Case]:
    """Running cases of the candidate's house (core staff): references only, for the decision form."""
    return (visible_cases(actor=actor, minimum=CaseAccess.CORE)
            .filter(house_id=candidate.house_id, status__in=ACTIVE_STATUSES).order_by("-filed_at", "-id"))


def reviews_overdue_count(*, actor: User) -> int:
    return candidate_list(actor=actor, overdue=True).filter(house_id__in=access.core_house_ids(actor)).count()


def proposals_open_count(*, actor: User) -> int:
    return candidate_list(actor=actor, stage=Stage.PROPOSED).filter(house_id__in=access.core_house_ids(actor)).count()


def own_proposals_count(*, actor: User) -> int:
    return Candidate.objects.filter(access.candidate_filter(actor), proposed_by=actor).count()


# Imports -----------------------------------------------------------------------------------------------------

def candidate_import_get(*, actor: User, import_id: int) -> CandidateImport:
    """The report of an import (rows, field, reasons; no persons): core staff of the house."""
    job = CandidateImport.objects.filter(pk=import_id, house_id__in=access.core_house_ids(actor)).select_related(
        "topx_list", "organisation").first()
    if job is None:
        raise Http404
    return job


def candidate_import_list(*, actor: User, list_id: int) -> QuerySet[CandidateImport]:
    return (CandidateImport.objects.filter(topx_list_id=list_id, house_id__in=access.core_house_ids(actor))
            .select_related("organisation").order_by("-uploaded_at", "-id"))


def stage_counts(*, topx_list: TopXList, today: dt.date | None = None) -> dict[str, Any]:
    """Counts per stage of one list (core staff's overview; not the suppressed management information)."""
    today = today or timezone.localdate()
    qs = Candidate.objects.filter(topx_list=topx_list)
    return {
        "proposed": qs.filter(stage=Stage.PROPOSED).count(),
        "included": qs.filter(stage=Stage.INCLUDED).count(),
        "under_review": qs.filter(stage=Stage.INCLUDED, next_review_date__lte=today).count(),
        "overdue": qs.filter(stage=Stage.INCLUDED, next_review_date__lt=today).count(),
        "exited": qs.filter(stage=Stage.EXITED).count(),
        "not_included": qs.filter(stage=Stage.NOT_INCLUDED).count(),
    }
