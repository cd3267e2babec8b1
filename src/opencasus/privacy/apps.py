from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "opencasus.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from opencasus.access.privacy import is_privacy_officer
        from opencasus.core.start import NavItem, register, register_nav
        from opencasus.privacy.views import start_sections

        register_nav(NavItem(label=_("Privacy"), url_name="privacy:index", visible=is_privacy_officer, order=80))
        register(start_sections)
