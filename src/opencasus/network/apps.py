from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "opencasus.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from opencasus.core import labels as core_labels
        from opencasus.core.start import NavItem, register, register_nav
        from opencasus.network import labels
        from opencasus.network.grants import sees_grants
        from opencasus.network.start import network_section

        register(network_section)
        core_labels.register("role", labels.role_label)
        core_labels.register("activity", labels.activity_label)
        register_nav(NavItem(label=_("Role requests"), url_name="network:grants", visible=sees_grants, order=85))
