from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "opencasus.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from opencasus.access import roles
        from opencasus.access.policy import FILING_ROLES
        from opencasus.cases.start import case_sections
        from opencasus.core.start import NavItem, register, register_nav

        register_nav(NavItem(_("My cases"), "cases:list", lambda user: bool(roles.grants(user)), order=20))
        register_nav(NavItem(_("New intake"), "cases:intake-start",
                             lambda user: roles.has_role(user, None, *FILING_ROLES), order=21))
        register(case_sections)
