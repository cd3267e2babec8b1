"""Menu link and work-inbox block of the after-care: counts only, through the selectors of the lists they link
to (the access policy applies; nothing for a house that does not run after-care)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import aftercare as access
from opencasus.core.start import Count, Link, NavItem, Section

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _sees(user: User) -> bool:
    return access.sees_releases(user)


NAV_ITEMS = [NavItem(gettext_lazy("After-care"), "aftercare:releases", _sees, order=52)]


def _extra_links(user: User) -> list[Link]:
    links = []
    if access.figures_house_ids(user):
        links.append(Link(_("After-care in figures"), reverse("aftercare:figures")))
    if access.settings_house_ids(user):
        links.append(Link(_("After-care settings"), reverse("aftercare:settings")))
    return links


def inbox_sections(user: User) -> list[Section]:
    from opencasus.aftercare import selectors

    if access.core_house_ids(user):
        overdue, week = selectors.due_counts(actor=user)
        items = reverse("aftercare:items")
        return [Section(title=_("After-care of ex-detainees"), order=12, counts=[
            Count(_("After-care deadlines passed"), overdue, f"{items}?{urlencode({'due': 'overdue'})}"),
            Count(_("After-care deadlines this week"), week, f"{items}?{urlencode({'due': 'week'})}"),
        ], links=[Link(_("Upcoming releases"), reverse("aftercare:releases")),
                  Link(_("Import expected releases"), reverse("aftercare:import")), *_extra_links(user)])]
    if access.coordinator_scopes(user):
        upcoming = selectors.release_list(actor=user).count()
        unmatched = selectors.release_list(actor=user, match="unmatched").count()
        releases = reverse("aftercare:releases")
        return [Section(title=_("After-care of ex-detainees"), order=12, counts=[
            Count(_("Upcoming releases"), upcoming, releases),
            Count(_("Releases without a case"), unmatched, f"{releases}?{urlencode({'match': 'unmatched'})}"),
        ], links=[Link(_("Import expected releases"), reverse("aftercare:import")), *_extra_links(user)])]
    links = _extra_links(user)
    return [Section(title=_("After-care of ex-detainees"), order=12, links=links)] if links else []
