from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _is_core_staff_anywhere(user: Any) -> bool:
    from opencasus.access.triage import sees_triage

    return sees_triage(user)


def triage_section(user: Any) -> list[Any]:
    """Start page: per house where the user is core staff, the queue size and the next triage date."""
    from django.urls import reverse
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    from opencasus.core.start import Count, Link, Section
    from opencasus.triage.selectors import inbox_counts, queue_summary

    summary = queue_summary(actor=user)
    if not summary:
        return []
    lines = [gettext("%(house)s: %(count)s waiting, next triage table %(date)s.") % {
        "house": house.name, "count": count, "date": date_format(next_date, "l j F Y")}
        for house, count, next_date in summary]
    counts = inbox_counts(actor=user)
    queue = reverse("triage:queue")
    return [Section(title=gettext("Triage meeting"), text=" ".join(lines), order=10, counts=[
        Count(gettext("Intakes waiting for triage"), counts["waiting"], queue),
        Count(gettext("Of which with hits"), counts["hits"], f"{queue}?toon=treffers"),
        Count(gettext("Assessed, awaiting a decision"), counts["assessed"], f"{queue}?toon=beoordeeld"),
    ], links=[Link(gettext("Triage queue"), queue)])]


class TriageConfig(AppConfig):
    name = "opencasus.triage"
    label = "triage"
    verbose_name = _("Triage")

    def ready(self) -> None:
        from opencasus.core.start import NavItem, register, register_nav

        register_nav(NavItem(label=_("Triage meeting"), url_name="triage:queue", visible=_is_core_staff_anywhere,
                             order=20))
        register(triage_section)
