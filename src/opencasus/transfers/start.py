"""Menu link and start-page count of transfers: proposals awaiting the decision of a house the reader directs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import transfers as access
from opencasus.core.start import Count, NavItem, Section

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _directs(user: User) -> bool:
    return bool(access.director_house_ids(user))


NAV_ITEMS = [NavItem(gettext_lazy("Transfers"), "transfers:list", _directs, order=52)]


def inbox_sections(user: User) -> list[Section]:
    from opencasus.transfers import selectors

    if not _directs(user):
        return []
    count = selectors.incoming_count(actor=user)
    return [Section(title=_("Transfers between houses"), order=12, counts=[
        Count(_("Incoming transfer proposals"), count, reverse("transfers:list") + "?direction=incoming")])]
