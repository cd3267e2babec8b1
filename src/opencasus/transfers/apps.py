from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransfersConfig(AppConfig):
    name = "opencasus.transfers"
    label = "transfers"
    verbose_name = _("Transfers between houses")

    def ready(self) -> None:
        from opencasus.core.start import register, register_nav
        from opencasus.transfers.start import NAV_ITEMS, inbox_sections

        for item in NAV_ITEMS:
            register_nav(item)
        register(inbox_sections)
