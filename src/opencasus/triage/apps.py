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


def _sits_at_a_table(user: Any) -> bool:
    """Standing members without a core role: the triage sessions are their way in."""
    from opencasus.access import capacities, triage_table

    return not capacities.core_staff_house_ids(user) and bool(triage_table.seat_house_ids(user))


def table_section(user: Any) -> list[Any]:
    """Start page: information requests (overdue, and addressed to the user's organisation) and, for a standing
    member, the intakes waiting at the table. Counts through the selectors of the lists they link to."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from opencasus.core.start import Count, Link, Section
    from opencasus.triage.selectors_table import request_counts

    counts = request_counts(actor=user)
    requests = reverse("triage:requests")
    items = []
    if counts["addressed"]:
        items.append(Count(gettext("Information requests for your organisation"), counts["addressed"],
                           f"{requests}?status=open"))
    if counts["overdue"]:
        items.append(Count(gettext("Information requests overdue"), counts["overdue"], f"{requests}?te-laat=1"))
    if counts["table"]:
        items.append(Count(gettext("Intakes at the triage table"), counts["table"], reverse("triage:sessions")))
    if not items:
        return []
    return [Section(title=gettext("Triage table"), text="", order=11, counts=items,
                    links=[Link(gettext("Information requests"), requests),
                           Link(gettext("Triage sessions"), reverse("triage:sessions"))])]


class TriageConfig(AppConfig):
    name = "opencasus.triage"
    label = "triage"
    verbose_name = _("Triage")

    def ready(self) -> None:
        from opencasus.core.start import NavItem, register, register_nav

        register_nav(NavItem(label=_("Triage meeting"), url_name="triage:queue", visible=_is_core_staff_anywhere,
                             order=20))
        register(triage_section)
        register_nav(NavItem(label=_("Triage table"), url_name="triage:sessions", visible=_sits_at_a_table,
                             order=42))
        register(table_section)
