"""Menu link and work-inbox counts of the Top X approach: counts only, through the selectors of the lists they
link to (the access policy, and with it the approach switch, applies)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import topx as access
from opencasus.core.start import Count, Link, NavItem, Section

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _sees_lists(user: User) -> bool:
    return access.may_see_lists(user)


NAV_ITEMS = [NavItem(gettext_lazy("Top X"), "topx:lists", _sees_lists, order=52)]


def inbox_sections(user: User) -> list[Section]:
    from opencasus.topx import selectors

    if access.core_house_ids(user):
        return [Section(title=_("Top X"), order=12, counts=[
            Count(_("Top X reviews overdue"), selectors.reviews_overdue_count(actor=user),
                  f"{reverse('topx:candidates')}?overdue=on"),
            Count(_("Top X candidates awaiting a decision"), selectors.proposals_open_count(actor=user),
                  f"{reverse('topx:candidates')}?stage=proposed"),
        ], links=[Link(_("Top X lists"), reverse("topx:lists"))])]
    if access.proposing_pairs(user):
        mine = selectors.own_proposals_count(actor=user)
        if mine:
            return [Section(title=_("Top X"), order=12, counts=[
                Count(_("Your Top X proposals"), mine, f"{reverse('topx:candidates')}?mine=on")])]
    return []
