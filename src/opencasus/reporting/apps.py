from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "opencasus.reporting"
    label = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from opencasus.access.capacities import is_national_officer
        from opencasus.access.reporting import sees_reporting
        from opencasus.core.start import NavItem, register, register_nav
        from opencasus.reporting.start import key_figures_sections

        register_nav(NavItem(label=_("Management information"), url_name="reporting:index",
                             visible=sees_reporting, order=58))
        register_nav(NavItem(label=_("National figures"), url_name="reporting:national",
                             visible=is_national_officer, order=701))
        register(key_figures_sections)

        from opencasus.core import events
        from opencasus.reporting import staleness

        events.subscribe(events.CaseFiguresChanged, staleness.on_case_figures_changed)
        events.subscribe(events.MonthFiguresChanged, staleness.on_month_figures_changed)
