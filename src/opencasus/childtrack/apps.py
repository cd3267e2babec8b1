from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildtrackConfig(AppConfig):
    name = "opencasus.childtrack"
    label = "childtrack"
    verbose_name = _("Kindspoor")

    def ready(self) -> None:
        from opencasus.childtrack.selectors import adoption_gate
        from opencasus.childtrack.start import inbox_sections
        from opencasus.core.start import register
        from opencasus.plans.gates import register_adoption_gate

        register_adoption_gate(adoption_gate)
        register(inbox_sections)
