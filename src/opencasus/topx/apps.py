from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopxConfig(AppConfig):
    name = "opencasus.topx"
    label = "topx"
    verbose_name = _("Top X")

    def ready(self) -> None:
        from opencasus.core.start import register, register_nav
        from opencasus.topx.start import NAV_ITEMS, inbox_sections

        for item in NAV_ITEMS:
            register_nav(item)
        register(inbox_sections)
