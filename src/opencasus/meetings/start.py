"""The work inbox counts of the meetings app: core staff the meetings of this week; a partner professional
their next meetings and their own agenda items there. Counts only, through the meetings selectors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opencasus.access import capacities
from opencasus.core.start import Count, Section


def this_week(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    today = today or timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def meeting_sections(user: Any) -> list[Section]:
    from opencasus.access.meetings import core_house_ids, own_agenda_items
    from opencasus.meetings.selectors import meeting_list

    counts: list[Count] = []
    text = ""
    today = timezone.localdate()
    if core_house_ids(user):
        first, last = this_week(today)
        counts.append(Count(_("Meetings this week"),
                            meeting_list(actor=user).filter(house_id__in=core_house_ids(user),
                                                            date__range=(first, last)).count(),
                            f"{reverse('meetings:list')}?week=deze"))
    if capacities.is_partner_professional(user):
        items = own_agenda_items(actor=user).filter(meeting__date__gte=today)
        meetings = items.values("meeting_id").distinct().count()
        counts.append(Count(_("My next meetings"), meetings, reverse("meetings:mine")))
        counts.append(Count(_("My agenda items there"), items.count(), reverse("meetings:mine")))
        first_item = items.select_related("meeting").order_by("meeting__date", "meeting__start_time").first()
        if first_item is not None:
            text = _("Next: %(date)s at %(time)s.") % {"date": date_format(first_item.meeting.date, "l j F Y"),
                                                       "time": first_item.meeting.start_time.strftime("%H:%M")}
    from opencasus.meetings.mandates import confirmation_list

    confirmations = reverse("meetings:confirmations")
    asked = confirmation_list(actor=user, mine=True, status="pending")
    if asked.exists():  # the list of a partner professional shows what their organisation is asked for
        counts.append(Count(_("Confirmations your organisation is asked for"), asked.count(),
                            f"{confirmations}?status=pending&mine=on"))
    if core_house_ids(user):
        late = confirmation_list(actor=user, overdue=True, core_houses=True)
        counts.append(Count(_("Confirmations past their deadline"), late.count(), f"{confirmations}?overdue=on"))
    if not counts:
        return []
    return [Section(title=_("Meetings"), counts=counts, text=text, order=11)]


def crisis_sections(user: Any) -> list[Section]:
    """Core staff of a house that runs the crisis lane: the crisis deadlines still open and those overdue, up
    front. Counts through the selector of the list they link to; nothing for houses without the crisis lane."""
    from opencasus.core.start import Link
    from opencasus.meetings.crisis import crisis_counts, lane_house_ids

    if not lane_house_ids(actor=user):
        return []
    counts = crisis_counts(actor=user)
    url = reverse("meetings:crisis-lane")
    text = (_("A crisis deadline has passed: act today.") if counts["overdue"]
            else _("Crisis intakes are triaged and discussed within the house's working days."))
    return [Section(title=_("Crisis lane"), text=text, order=9, anchor="crisisroute", counts=[
        Count(_("Crisis deadlines overdue"), counts["overdue"], f"{url}?te-laat=1"),
        Count(_("Crisis deadlines open"), counts["open"], url),
    ], links=[Link(_("Crisis lane"), url)])]
