"""Demo transfers: the demo house proposes one running case to the Rotterdam house (awaiting its decision) and
another was proposed and accepted there (the Rotterdam house now runs it; the demo house closed it with the
outcome "transferred"). Idempotent; runs after the plans and follow-through demos."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.cases.models import Case, InformationItem, Participant
from opencasus.cases.services import information_item_add
from opencasus.cases.vocabulary import LifeDomain, SharingScope
from opencasus.cases.workflow import Status
from opencasus.network.demo import OTHER_HOUSE_NAME
from opencasus.network.models import House, Membership, Role
from opencasus.plans.models import Escalation, Plan, PlanProposal
from opencasus.transfers import services
from opencasus.transfers.models import Transfer

PROPOSALS = (
    ("De betrokkene verhuist met zijn moeder naar Rotterdam-Zuid; de woningcorporatie daar heeft een woning "
     "toegewezen. De aanpak moet doorlopen waar hij gaat wonen.", 21),
    ("Het gezin is per 1 van de maand ingeschreven in Schiedam. Het Veiligheidshuis Rotterdam-Rijnmond neemt de "
     "regie over; de politie en de reclassering daar zijn al benaderd.", -7),
)


def _director(house: House, username: str) -> Membership | None:
    return (Membership.objects.active().filter(house=house, role=Role.PROCESS_DIRECTOR, user__username=username)
            .select_related("user").first()
            or Membership.objects.active().filter(house=house, role=Role.PROCESS_DIRECTOR)
            .select_related("user").first())


def _candidates(house: House) -> list[Case]:
    """Running cases without escalations or plan proposals (the other demos show those), newest first."""
    busy = {*Escalation.objects.filter(case__house=house).values_list("case_id", flat=True),
            *PlanProposal.objects.filter(case__house=house).values_list("case_id", flat=True)}
    return [c for c in Case.objects.filter(house=house, status=Status.ADMITTED).order_by("-admitted_at", "-pk")
            if c.pk not in busy][:2]


CONTRIBUTIONS = (
    (LifeDomain.OFFENCE_HISTORY, "Sinds 2024 vier registraties voor winkeldiefstal en één voor bedreiging; de "
     "laatste drie maanden geen nieuwe incidenten.", "Convenant Zorg- en Veiligheidshuizen, art. 8; Wpg art. 19"),
    (LifeDomain.HOUSING, "De huurachterstand is afgelost via de schuldhulpverlening; er is een nieuwe woning "
     "toegewezen in de nieuwe gemeente.", "Convenant Zorg- en Veiligheidshuizen, art. 8; AVG art. 6 lid 1 sub e"),
)


def _contribute(case: Case) -> None:
    """Participants contribute from their own records (the demo has no information items otherwise)."""
    if InformationItem.objects.filter(case=case).exists():
        return
    participants = list(Participant.objects.active().filter(case=case, user__isnull=False).order_by("pk")[:2])
    for participant, (domain, text, basis) in zip(participants, CONTRIBUTIONS, strict=False):
        assert participant.user is not None
        information_item_add(actor=participant.user, case_id=case.pk, life_domain=domain, text=text,
                             sharing_scope=SharingScope.ALL_PARTICIPANTS, legal_basis=basis,
                             organisation_id=participant.organisation_id)


def load_demo_data(house: House) -> None:
    other = House.objects.filter(name=OTHER_HOUSE_NAME).first()
    director = _director(house, "procesregisseur")
    receiver = _director(other, "procesregisseur.rotterdam") if other else None
    if other is None or director is None or receiver is None:
        return
    if Transfer.objects.filter(from_house=house).exists():
        return
    cases = _candidates(house)
    if len(cases) < 2:
        return
    today = timezone.localdate()
    for index, (case, (reason, days)) in enumerate(zip(cases, PROPOSALS, strict=False)):
        _contribute(case)
        items = list(InformationItem.objects.filter(case=case).order_by("pk")[:2])
        for item in items:  # the contributors agree that their contribution goes along
            services.information_item_mark_transferable(actor=item.author, item_id=item.pk, transferable=True)
        plan = Plan.objects.filter(case=case).first()
        transfer = services.transfer_propose(
            actor=director.user, case_id=case.pk, to_house_id=other.pk, reason=reason,
            move_date=today + dt.timedelta(days=days), include_purpose=True,
            include_plan=bool(plan and plan.adopted_version), information_item_ids=[i.pk for i in items])
        if index == 1:
            services.transfer_accept(actor=receiver.user, transfer_id=transfer.pk,
                                     reason="Akkoord; wij plannen de casus in het eerstvolgende casusoverleg.")
