"""Start-page block (the owner's overdue meeting actions, with their count) and the menu link of steering."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access import governance as access
from opencasus.core.dates import long_date
from opencasus.core.start import Count, Link, NavItem, Section

MAX_LINKS = 10


def _sees_governance(user: Any) -> bool:
    return access.sees_governance(user)


NAV_ITEMS = [NavItem(gettext_lazy("Steering"), "governance:index", _sees_governance, order=65)]


def governance_sections(user: Any) -> list[Section]:
    from opencasus.governance.selectors import overdue_actions_check

    overdue = overdue_actions_check(actor=user)
    shown = list(overdue[:MAX_LINKS])
    if not shown:
        return []
    total = overdue.count()
    return [Section(
        title=_("My overdue meeting actions"),
        text=_("Actions agreed in tactical or strategic meetings whose deadline has passed."),
        counts=[Count(_("Overdue meeting actions"), total, reverse("governance:actions") + "?overdue=1&mine=1")],
        links=[Link(_("%(action)s (%(meeting)s), deadline %(date)s") % {
            "action": a.description[:80], "meeting": a.meeting.title, "date": long_date(a.deadline)},
            reverse("governance:action", args=[a.pk])) for a in shown],
        order=22, anchor="sturing-acties")]
