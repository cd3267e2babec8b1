"""The network's section of the start page: a link to the network of each house the user works in."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.core.start import Link, Section
from opencasus.network.selectors import house_list_for


def network_section(user: Any) -> list[Section]:
    houses = house_list_for(actor=user).order_by("name")
    return [Section(
        title=_("Network"),
        links=[Link(_("Network of %(house)s") % {"house": h.name}, reverse("network:overview", args=[h.pk]))
               for h in houses],
        order=900,
    )]
