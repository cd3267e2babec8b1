"""Keeping a house's Top X lists: name, theme or municipality, review cycle, inclusion and exit criteria."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from opencasus.access import topx as access
from opencasus.core.unset import UNSET, Unset
from opencasus.logbook.models import Action
from opencasus.network.models import Municipality
from opencasus.topx.models import Candidate, ExitCriterion, InclusionCriterion, Review, TopXList
from opencasus.topx.services._common import check_version, log_house
from opencasus.topx.vocabulary import MAX_CRITERIA, MAX_CYCLE_MONTHS, MAX_SCORE_LIMIT

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass(frozen=True)
class CriterionData:
    text: str
    max_score: int = 5


def _clean(*, house_id: int, name: str, municipality_id: int | None, review_cycle_months: int,
           criteria: Sequence[CriterionData] | None, exit_criteria: Sequence[str] | None,
           exclude_pk: int | None = None) -> dict[str, list[str]]:
    from opencasus.network.models import House

    errors: dict[str, list[str]] = {}
    same_name = TopXList.objects.filter(house_id=house_id, name=name.strip())
    if exclude_pk is not None:
        same_name = same_name.exclude(pk=exclude_pk)
    if not name.strip():
        errors["name"] = [_("Give the list a name.")]
    elif same_name.exists():
        errors["name"] = [_("This house already has a Top X list with this name.")]
    if municipality_id is not None:
        region = House.objects.filter(pk=house_id).values_list("region_id", flat=True).first()
        if region is None or not Municipality.objects.filter(pk=municipality_id, region_id=region).exists():
            errors["municipality"] = [_("Choose a municipality in the region of the house.")]
    if not 1 <= review_cycle_months <= MAX_CYCLE_MONTHS:
        errors["review_cycle_months"] = [_("The review cycle lies between 1 and %(max)s months.") % {
            "max": MAX_CYCLE_MONTHS}]
    if criteria is not None:
        if not criteria:
            errors["criteria"] = [_("Name at least one inclusion criterion.")]
        elif len(criteria) > MAX_CRITERIA:
            errors["criteria"] = [_("A list has at most %(max)s inclusion criteria.") % {"max": MAX_CRITERIA}]
        for index, criterion in enumerate(criteria):
            if not criterion.text.strip():
                errors[f"criteria.{index}.text"] = [_("Describe criterion %(n)s.") % {"n": index + 1}]
            if not 1 <= criterion.max_score <= MAX_SCORE_LIMIT:
                errors[f"criteria.{index}.max_score"] = [
                    _("The highest score lies between 1 and %(max)s.") % {"max": MAX_SCORE_LIMIT}]
    if exit_criteria is not None:
        if not [t for t in exit_criteria if t.strip()]:
            errors["exit_criteria"] = [_("Name at least one exit criterion.")]
        elif len(exit_criteria) > MAX_CRITERIA:
            errors["exit_criteria"] = [_("A list has at most %(max)s exit criteria.") % {"max": MAX_CRITERIA}]
    return errors


def _write_criteria(topx_list: TopXList, criteria: Sequence[CriterionData]) -> None:
    InclusionCriterion.objects.filter(topx_list=topx_list).delete()
    InclusionCriterion.objects.bulk_create([
        InclusionCriterion(topx_list=topx_list, position=i + 1, text=c.text.strip(), max_score=c.max_score)
        for i, c in enumerate(criteria)])


def _write_exit_criteria(topx_list: TopXList, texts: Sequence[str]) -> None:
    ExitCriterion.objects.filter(topx_list=topx_list).delete()
    ExitCriterion.objects.bulk_create([
        ExitCriterion(topx_list=topx_list, position=i + 1, text=t.strip())
        for i, t in enumerate(t for t in texts if t.strip())])


@transaction.atomic
def topx_list_create(*, actor: User, house_id: int, name: str, review_cycle_months: int,
                     criteria: Sequence[CriterionData], exit_criteria: Sequence[str], theme: str = "",
                     municipality_id: int | None = None) -> TopXList:
    """Core staff or the house manager open a list of a house that runs Top X."""
    if not access.may_keep_lists(actor, house_id):
        raise Http404
    errors = _clean(house_id=house_id, name=name, municipality_id=municipality_id,
                    review_cycle_months=review_cycle_months, criteria=criteria, exit_criteria=exit_criteria)
    if errors:
        raise ValidationError(errors)
    topx_list = TopXList.objects.create(house_id=house_id, name=name.strip(), theme=theme.strip(),
                                        municipality_id=municipality_id, review_cycle_months=review_cycle_months,
                                        created_by=actor)
    _write_criteria(topx_list, criteria)
    _write_exit_criteria(topx_list, exit_criteria)
    log_house(actor=actor, house_id=house_id, action=Action.CREATE, object_type="topx-list", object_id=topx_list.pk)
    return topx_list


@transaction.atomic
def topx_list_update(*, actor: User, list_id: int, expected_version: int | None, name: str | Unset = UNSET,
                     theme: str | Unset = UNSET, municipality_id: int | Unset | None = UNSET,
                     review_cycle_months: int | Unset = UNSET, active: bool | Unset = UNSET,
                     criteria: Sequence[CriterionData] | Unset = UNSET,
                     exit_criteria: Sequence[str] | Unset = UNSET) -> TopXList:
    """Change a list. Its inclusion criteria change only while nobody is scored on them yet."""
    topx_list = (TopXList.objects.select_for_update().filter(access.list_filter(actor), pk=list_id).first())
    if topx_list is None or not access.may_keep_lists(actor, topx_list.house_id):
        raise Http404
    check_version(current=topx_list.version, expected=expected_version)
    new_name = topx_list.name if isinstance(name, Unset) else name
    new_municipality = topx_list.municipality_id if isinstance(municipality_id, Unset) else municipality_id
    new_cycle = topx_list.review_cycle_months if isinstance(review_cycle_months, Unset) else review_cycle_months
    errors = _clean(house_id=topx_list.house_id, name=new_name, municipality_id=new_municipality,
                    review_cycle_months=new_cycle, criteria=None if isinstance(criteria, Unset) else criteria,
                    exit_criteria=None if isinstance(exit_criteria, Unset) else exit_criteria,
                    exclude_pk=topx_list.pk)
    if not isinstance(criteria, Unset) and Candidate.objects.filter(topx_list=topx_list).exists():
        current = [CriterionData(c.text, c.max_score) for c in topx_list.criteria.all()]
        if [CriterionData(c.text.strip(), c.max_score) for c in criteria] != current:
            errors.setdefault("criteria", []).append(
                _("Candidates are scored on these criteria already: open a new list for other criteria."))
    if not isinstance(exit_criteria, Unset) and Review.objects.filter(
            candidate__topx_list=topx_list, exit_criterion__isnull=False).exists():
        errors.setdefault("exit_criteria", []).append(
            _("Reviews refer to these exit criteria already: open a new list for other exit criteria."))
    if errors:
        raise ValidationError(errors)
    topx_list.name, topx_list.municipality_id, topx_list.review_cycle_months = (
        new_name.strip(), new_municipality, new_cycle)
    if not isinstance(theme, Unset):
        topx_list.theme = theme.strip()
    if not isinstance(active, Unset):
        topx_list.active = active
    topx_list.version += 1
    topx_list.save()
    if not isinstance(criteria, Unset) and not Candidate.objects.filter(topx_list=topx_list).exists():
        _write_criteria(topx_list, criteria)
    if not isinstance(exit_criteria, Unset):
        _write_exit_criteria(topx_list, exit_criteria)
    log_house(actor=actor, house_id=topx_list.house_id, action=Action.UPDATE, object_type="topx-list",
              object_id=topx_list.pk)
    return topx_list
