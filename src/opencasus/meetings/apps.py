from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _may_see_meetings(user: Any) -> bool:
    from opencasus.access import capacities

    return capacities.works_on_cases(user)


class MeetingsConfig(AppConfig):
    name = "opencasus.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from opencasus.core.start import NavItem, register, register_nav
        from opencasus.meetings.start import crisis_sections, meeting_sections

        register_nav(NavItem(label=_("Meetings"), url_name="meetings:list", visible=_may_see_meetings, order=40))
        register(meeting_sections)
        register(crisis_sections)

        from opencasus.core import events
        from opencasus.meetings.mandates import on_agreement_given

        events.subscribe(events.AgreementGiven, on_agreement_given)
