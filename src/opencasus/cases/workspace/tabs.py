"""The workspace tabs, their Dutch labels and the access level each needs."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opencasus.access.policy import CaseAccess


@dataclass(frozen=True)
class Tab:
    slug: str
    label: str | Promise
    minimum: CaseAccess


TABS: tuple[Tab, ...] = (
    Tab("overzicht", _("Overview"), CaseAccess.FILER),
    Tab("personen", _("Persons"), CaseAccess.PARTICIPANT),
    Tab("informatie", _("Information"), CaseAccess.PARTICIPANT),
    Tab("plan", pgettext_lazy("case workspace tab", "Plan"), CaseAccess.PARTICIPANT),
    Tab("afspraken", _("Agreements"), CaseAccess.PARTICIPANT),
    Tab("overleggen", _("Meetings"), CaseAccess.PARTICIPANT),
    Tab("documenten", _("Documents"), CaseAccess.FILER),
    Tab("logboek", _("Log"), CaseAccess.CORE),
)
DEFAULT = "overzicht"


def tabs_for(level: CaseAccess) -> list[Tab]:
    return [tab for tab in TABS if level >= tab.minimum]


def tab_get(slug: str | None, level: CaseAccess) -> Tab:
    """The requested tab if this reader may open it; a hidden or unknown tab is missing (404)."""
    slug = slug or DEFAULT
    for tab in tabs_for(level):
        if tab.slug == slug:
            return tab
    raise Http404
