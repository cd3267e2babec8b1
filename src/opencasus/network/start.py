"""The network's section of the start page: a link to the network of each house the user works in."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.access.approaches import approach_house_ids
from opencasus.core.start import Link, Section
from opencasus.network.selectors import house_list_for


def network_section(user: Any) -> list[Section]:
    houses = house_list_for(actor=user).order_by("name")
    configurable = approach_house_ids(user)
    links = []
    for h in houses:
        links.append(Link(_("Network of %(house)s") % {"house": h.name}, reverse("network:overview", args=[h.pk])))
        if h.pk in configurable:
            links.append(Link(_("Approaches of %(house)s") % {"house": h.name},
                              reverse("network:approaches", args=[h.pk])))
    return [Section(
        title=_("Network"),
        links=links,
        order=900,
    )]
