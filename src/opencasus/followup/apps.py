from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "opencasus.followup"
    label = "followup"
    verbose_name = _("Follow-through")

    def ready(self) -> None:
        from opencasus.core import events
        from opencasus.core.start import register, register_nav
        from opencasus.followup import handlers
        from opencasus.followup.start import NAV_ITEMS, inbox_sections

        events.subscribe(events.TriageDecided, handlers.on_triage_decided)
        events.subscribe(events.CaseClosed, handlers.on_case_closed)
        for item in NAV_ITEMS:
            register_nav(item)
        register(inbox_sections)
