from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    name = "opencasus.peers"
    label = "peers"
    verbose_name = _("Peer installations")

    def ready(self) -> None:
        from opencasus.core import events
        from opencasus.peers import handlers

        events.subscribe(events.IntakeFiled, handlers.on_intake_filed)
        events.subscribe(events.PersonsAdded, handlers.on_persons_added)
