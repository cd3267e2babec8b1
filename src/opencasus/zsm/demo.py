"""Demo ZSM advice. Idempotent: the ZSM table's system client may ask the demo house, and one admitted case has
an advice for the ZSM disposal (recorded by its process director)."""

from __future__ import annotations

import datetime as dt

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.network import services as network_services
from opencasus.network.models import House, Membership, Organisation, Role
from opencasus.zsm import services
from opencasus.zsm.models import ZsmAdvice

ADVICE = ("Geen strafbeschikking zonder overleg met het huis: betrokkene zit in een lopend plan van aanpak "
          "(schuldhulp en behandeling bij de verslavingszorg). Advies: voorwaardelijk sepot met reclasseringstoezicht; "
          "bel de procesregisseur voor de actuele afspraken.")


def load_demo_data(house: House) -> None:
    client = User.objects.filter(username="zsm-tafel").first()
    om = Organisation.objects.filter(name__startswith="Openbaar Ministerie").first()
    if client is not None and om is not None:  # the ZSM table asks on behalf of the public prosecutor
        network_services.membership_grant(user=client, house=house, organisation=om, role=Role.ZSM_CLIENT,
                                          started_on=dt.date(2024, 2, 1))
    case = (Case.objects.filter(house=house, status=Status.ADMITTED, subject_type="person", zsm_advice__isnull=True)
            .order_by("filed_at").first())
    if case is None or ZsmAdvice.objects.filter(case__house=house).exists():
        return
    director = case.process_director or next((m.user for m in Membership.objects.active().filter(
        house=house, role=Role.PROCESS_DIRECTOR).select_related("user")), None)
    if director is not None:
        services.advice_save(actor=director, case_id=case.pk, text=ADVICE, expected_version=0)
