from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "opencasus.governance"
    label = "governance"
    verbose_name = _("Steering and governance")

    def ready(self) -> None:
        from opencasus.core.start import register, register_nav
        from opencasus.governance.start import NAV_ITEMS, governance_sections

        for item in NAV_ITEMS:
            register_nav(item)
        register(governance_sections)
