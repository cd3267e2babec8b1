from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "opencasus.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from opencasus.core.start import register, register_nav
        from opencasus.plans.start import NAV_ITEMS, inbox_sections, national_sections, plan_sections

        for item in NAV_ITEMS:
            register_nav(item)
        register(plan_sections)
        register(inbox_sections)
        register(national_sections)
