from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "opencasus.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        from opencasus.access import webhooks as access
        from opencasus.core import events
        from opencasus.core.start import NavItem, register_nav
        from opencasus.webhooks import handlers

        register_nav(NavItem(label=_("Webhooks"), url_name="webhooks:overview", visible=access.may_see_any, order=90))

        events.subscribe(events.IntakeFiled, handlers.on_intake_filed)
        events.subscribe(events.TriageDecided, handlers.on_triage_decided)
        events.subscribe(events.CaseClosed, handlers.on_case_closed)
        events.subscribe(events.AgreementOverdue, handlers.on_agreement_overdue)
        events.subscribe(events.EscalationRaised, handlers.on_escalation_raised)
        events.subscribe(events.TransferProposed, handlers.on_transfer_proposed)
        events.subscribe(events.TransferAccepted, handlers.on_transfer_accepted)
