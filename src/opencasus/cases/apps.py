from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "opencasus.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from opencasus.access import capacities, caseload
        from opencasus.access.intake import files_anywhere
        from opencasus.cases.start import case_sections
        from opencasus.core.start import NavItem, register, register_nav

        # Only for who takes part in cases or files them: a manager, officer or the national programme reads
        # figures, not cases, and an empty case list at the head of their menu pushes their own work aside.
        register_nav(NavItem(_("My cases"), "cases:list", capacities.takes_part_in_cases, order=20))
        register_nav(NavItem(_("New intake"), "cases:intake-start",
                             files_anywhere, order=21))
        register_nav(NavItem(_("Workload"), "cases:workload",
                             lambda user: bool(caseload.workload_house_ids(user)), order=710))
        register(case_sections)
