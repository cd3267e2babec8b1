from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "opencasus.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from opencasus.core.start import register
        from opencasus.network.start import network_section

        register(network_section)
