"""Start-page block of the Kindspoor: the link to a house's settings, for the house manager and the functional
administrator of houses that run the Kindspoor. No case data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.access import childtrack as access
from opencasus.core.start import Link, Section
from opencasus.network.approaches import houses_running
from opencasus.network.models import Approach

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def inbox_sections(user: User) -> list[Section]:
    houses = houses_running(approach=Approach.CHILD_TRACK, house_ids=access.configurable_house_ids(user))
    if not houses:
        return []
    from opencasus.childtrack.selectors import house_name

    many = len(houses) > 1
    links = [Link(_("Kindspoor settings") + (f" ({house_name(house_id=h)})" if many else ""),
                  reverse("childtrack:configuration", args=[h])) for h in sorted(houses)]
    return [Section(title=_("Kindspoor"), order=40, links=links)]
