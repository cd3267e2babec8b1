from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegiescanConfig(AppConfig):
    name = "opencasus.regiescan"
    label = "regiescan"
    verbose_name = _("Regie scan")

    def ready(self) -> None:
        from opencasus.core.start import NavItem, register_nav
        from opencasus.regiescan.start import nav_visible

        register_nav(NavItem(label=_("Regie scan"), url_name="regiescan:index", visible=nav_visible, order=75))
