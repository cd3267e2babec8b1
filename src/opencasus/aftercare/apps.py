from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AftercareConfig(AppConfig):
    name = "opencasus.aftercare"
    label = "aftercare"
    verbose_name = _("After-care of ex-detainees")

    def ready(self) -> None:
        from opencasus.aftercare import handlers
        from opencasus.aftercare.start import NAV_ITEMS, inbox_sections
        from opencasus.core import events
        from opencasus.core.start import register, register_nav

        events.subscribe(events.IntakeFiled, handlers.on_intake_filed)
        for item in NAV_ITEMS:
            register_nav(item)
        register(inbox_sections)
