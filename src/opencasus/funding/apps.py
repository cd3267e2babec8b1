from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "opencasus.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from opencasus.access.funding import sees_funding
        from opencasus.core.start import NavItem, register_nav

        register_nav(NavItem(label=_("Funding"), url_name="funding:index", visible=sees_funding, order=705))
