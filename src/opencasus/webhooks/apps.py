from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "opencasus.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        from opencasus.core import events
        from opencasus.webhooks import handlers

        events.subscribe(events.IntakeFiled, handlers.on_intake_filed)
        events.subscribe(events.TriageDecided, handlers.on_triage_decided)
        events.subscribe(events.CaseClosed, handlers.on_case_closed)
        events.subscribe(events.AgreementOverdue, handlers.on_agreement_overdue)
        events.subscribe(events.EscalationRaised, handlers.on_escalation_raised)
        events.subscribe(events.TransferProposed, handlers.on_transfer_proposed)
        events.subscribe(events.TransferAccepted, handlers.on_transfer_accepted)
